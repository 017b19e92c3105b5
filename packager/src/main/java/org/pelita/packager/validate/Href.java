package org.pelita.packager.validate;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/** Where an href from the manifest points: a file in the zip, another site, or outside the package. */
sealed interface Href {
    /** A path relative to the zip root, with query, fragment and percent-escapes removed. */
    record InZip(String path) implements Href {
    }

    record External(String url) implements Href {
    }

    record Outside(String reason) implements Href {
    }

    /** A scheme of two letters or more: one letter is a Windows drive. */
    Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*", Pattern.DOTALL);
    Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);

    /**
     * Resolves an href the way Moodle builds a launch URL: the resource's xml:base and the href joined as text
     * (so a base without a trailing slash really does glue onto the file name).
     */
    static Href resolve(String base, String href) {
        String joined = (base == null ? "" : base) + href;
        if (SCHEME.matcher(joined).matches() || joined.startsWith("//")) {
            return new External(joined);
        }
        String path = cut(cut(joined, '#'), '?');
        path = percentDecode(path);
        if (path.startsWith("/") || path.startsWith("\\")) {
            return new Outside("it is an absolute path");
        }
        if (DRIVE.matcher(path).matches()) {
            return new Outside("it starts with a drive letter");
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return new Outside("its '..' climbs above the zip root");
                }
                segments.removeLast();
            } else {
                segments.addLast(segment);
            }
        }
        return new InZip(String.join("/", segments));
    }

    private static String cut(String text, char at) {
        int index = text.indexOf(at);
        return index < 0 ? text : text.substring(0, index);
    }

    /** Decodes %XX escapes as UTF-8. Unlike URLDecoder, leaves '+' alone: it is a plus in a path. */
    static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                bytes.write(Integer.parseInt(text, i + 1, i + 3, 16));
                i += 3;
            } else {
                // A run up to the next '%' (or one lone '%'), re-encoded whole so surrogate pairs stay intact.
                int end = text.indexOf('%', i + 1);
                end = end < 0 ? text.length() : end;
                bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
