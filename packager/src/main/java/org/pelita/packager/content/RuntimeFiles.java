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
    private static final List<String> FILES = List.of(STYLESHEET, MAIN_SCRIPT, "scorm12.js");

    private RuntimeFiles() {
    }

    /** Package path to content, for the files a package needs (the stylesheet, the main script and one adapter). */
    public static Map<String, byte[]> forAdapter(String adapterScript) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : List.of(STYLESHEET, adapterScript, MAIN_SCRIPT)) {
            files.put(DIR + "/" + name, read(name));
        }
        return files;
    }

    /** Total size in bytes of the runtime (all adapters), for the size budget. */
    public static long totalSize() {
        return FILES.stream().mapToLong(name -> read(name).length).sum();
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
