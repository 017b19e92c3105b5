package org.pelita.packager.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The content runtime (dependency-free JavaScript and CSS) that every package carries under {@value #DIR}/. */
public final class RuntimeFiles {
    public static final String DIR = "pelita";
    public static final String MAIN_SCRIPT = "pelita.js";
    public static final String STYLESHEET = "pelita.css";
    private static final List<String> FILES = List.of(STYLESHEET, MAIN_SCRIPT, "scorm12.js", "xapi.js", "tincan.js",
            "cmi5.js");

    private RuntimeFiles() {
    }

    /** The runtime of the targets whose LRS is named at build time (SCORM 1.2 with xAPI, web), also in the total. */
    private static final List<String> BUILD_TIME_LRS_FILES = List.of("scorm12-xapi.js", "pseudonym.js", "web.js", "web-start.js");

    /** Package path to content, for the files a package needs (the stylesheet, the main script and one adapter). */
    public static Map<String, byte[]> forAdapter(String adapterScript) {
        return forScripts(List.of(adapterScript, MAIN_SCRIPT));
    }

    /** Package path to content: the stylesheet, then the scripts a page loads (see {@link RenderOptions#scripts()}). */
    public static Map<String, byte[]> forScripts(List<String> scripts) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(DIR + "/" + STYLESHEET, read(STYLESHEET));
        for (String name : scripts) {
            files.put(DIR + "/" + name, read(name));
        }
        return files;
    }

    /** Size in bytes of the runtime files one package carries with these options, for the size budget. */
    public static long packageSize(RenderOptions options) {
        return forScripts(options.scripts()).values().stream().mapToLong(b -> b.length).sum();
    }

    /** Total size in bytes of the runtime (all adapters), for the size budget. */
    public static long totalSize() {
        return java.util.stream.Stream.concat(FILES.stream(), BUILD_TIME_LRS_FILES.stream()).mapToLong(name -> read(name).length).sum();
    }

    static byte[] read(String name) {
        try (InputStream in = RuntimeFiles.class.getResourceAsStream("/org/pelita/packager/runtime/" + name)) {
            if (in == null) {
                throw new IllegalStateException("runtime file " + name + " missing from the packager's resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
