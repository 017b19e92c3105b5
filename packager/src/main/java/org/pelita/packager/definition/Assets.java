package org.pelita.packager.definition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.pelita.packager.model.Asset;

/**
 * The files that pages reference (images, audio, documents). Each is copied once into the package under
 * {@code assets/}, at its path inside the module folder.
 */
final class Assets {
    static final Set<String> IMAGE_TYPES = Set.of("png", "jpg", "jpeg", "gif", "svg", "webp", "avif");
    static final Set<String> AUDIO_TYPES = Set.of("mp3", "m4a", "aac", "ogg", "oga", "opus", "wav");
    /** Names outside this set break in some LMS unzip code (encoding flags, spaces in URLs). */
    private static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
    /** Above this, a file costs learners on slow or metered links dearly: warn the author. */
    static final long LARGE_FILE_BYTES = 500 * 1024;

    private final Path moduleDir;
    private final Problems problems;
    private final Map<String, Asset> byPackagePath = new TreeMap<>();

    Assets(Path moduleDir, Problems problems) {
        this.moduleDir = moduleDir;
        this.problems = problems;
    }

    /** Registers a file inside the module folder and returns its path in the package, or empty (with an error). */
    Optional<String> add(Path file, SourceLocation where) {
        String relative = moduleDir.relativize(file).toString().replace('\\', '/');
        for (String segment : relative.split("/")) {
            if (!SAFE_SEGMENT.matcher(segment).matches()) {
                problems.error(where, "the file name '" + relative + "' has characters that break in some LMSs",
                        "rename it using only letters a-z, digits, '-', '_' and '.', and update the link");
                return Optional.empty();
            }
        }
        String packagePath = Asset.DIRECTORY + relative;
        if (!byPackagePath.containsKey(packagePath)) {
            try {
                long size = Files.size(file);
                if (size > LARGE_FILE_BYTES) {
                    problems.warning(where, "'" + relative + "' is " + (size / 1024) + " KB: heavy for learners on slow or costly links",
                            "compress it (images: at most 1280 px wide, WebP or JPEG quality 70; audio: mono 48 kbit/s)");
                }
            } catch (IOException e) {
                problems.error(where, "cannot read '" + relative + "': " + e.getMessage(), null);
                return Optional.empty();
            }
            byPackagePath.put(packagePath, new Asset(packagePath, file));
        }
        return Optional.of(packagePath);
    }

    List<Asset> all() {
        return List.copyOf(byPackagePath.values());
    }

    static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
