package org.pelita.lrs.xapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import org.pelita.lrs.xapi.InvalidRequestException;

/**
 * IRIs and IRLs (xAPI 1.0.3 Data §2.2, §4.3; xAPI 2.0 §4.2.1, §4.2.7). Validation is best effort, as the
 * specifications allow: the value must start with an RFC 3986 scheme and a colon, and what follows must be
 * non-empty and free of characters no IRI may contain (spaces, controls, {@code <>"{}|\^`}, a stray {@code %} or
 * a second {@code #}). Non-ASCII letters are allowed, which is what makes an IRI more than a URI.
 */
public final class Iris {
    private Iris() {
    }

    public static boolean isIri(String s) {
        if (s == null) {
            return false;
        }
        int n = s.length();
        if (n < 3 || !isAsciiLetter(s.charAt(0))) {
            return false;
        }
        int colon = -1;
        for (int i = 1; i < n; i++) {
            char c = s.charAt(i);
            if (c == ':') {
                colon = i;
                break;
            }
            if (!(isAsciiLetter(c) || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        if (colon < 0 || colon == n - 1) {
            return false;
        }
        boolean fragment = false;
        for (int i = colon + 1; i < n; i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == 0x7F || c >= 0x80 && c <= 0x9F) {
                return false;
            }
            switch (c) {
                case '<': case '>': case '"': case '{': case '}': case '|': case '\\': case '^': case '`':
                    return false;
                case '#':
                    if (fragment) {
                        return false;
                    }
                    fragment = true;
                    break;
                case '%':
                    if (i + 2 >= n || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
                        return false;
                    }
                    i += 2;
                    break;
                default:
                    if (Character.isSurrogate(c)) {
                        // A lone surrogate is not a character at all.
                        if (!Character.isHighSurrogate(c) || i + 1 >= n || !Character.isLowSurrogate(s.charAt(i + 1))) {
                            return false;
                        }
                        i++;
                    }
            }
        }
        return true;
    }

    /**
     * Requires {@code n} to be a String holding an IRI; {@code what} names the value in the message, e.g.
     * "the activityId parameter". Used for parameters, which have no version-specific wording.
     */
    public static void requireIri(JsonNode n, String path, String what) {
        if (n == null || !n.isTextual() || !isIri(n.textValue())) {
            String found = n == null || n.isMissingNode() ? "it is missing" : "found " + Checks.describe(n);
            throw new InvalidRequestException(path, what + " must be an IRI with a scheme, such as "
                    + "http://example.com/a; " + found + " (" + Rule.IRI.citation(null) + ")");
        }
    }

    static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
