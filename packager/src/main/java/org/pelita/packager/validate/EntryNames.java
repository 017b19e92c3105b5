package org.pelita.packager.validate;

import java.util.Optional;
import java.util.regex.Pattern;

/** Rules for zip entry names that would write outside the extraction folder ("zip slip") or mean different files on different systems. */
final class EntryNames {
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);

    private EntryNames() {
    }

    /** Why extracting this name could escape the target folder, or empty if it cannot. */
    static Optional<String> escapeReason(String name) {
        // Windows tools treat a backslash as a separator, so judge the name as they would.
        String path = name.replace('\\', '/');
        if (path.startsWith("/")) {
            return Optional.of("it is an absolute path");
        }
        if (DRIVE.matcher(path).matches()) {
            return Optional.of("it starts with a drive letter");
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                return Optional.of("it has a '..' segment");
            }
        }
        return Optional.empty();
    }

    static boolean hasBackslash(String name) {
        return name.indexOf('\\') >= 0;
    }

    /** Archives inside the package are served as plain files; the validator does not open them. */
    static boolean isArchive(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".zip") || lower.endsWith(".jar") || lower.endsWith(".7z") || lower.endsWith(".rar");
    }
}
