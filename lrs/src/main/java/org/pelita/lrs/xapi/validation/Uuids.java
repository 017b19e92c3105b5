package org.pelita.lrs.xapi.validation;

import java.util.UUID;
import org.pelita.lrs.xapi.InvalidRequestException;

/**
 * UUIDs in standard string form only (xAPI 1.0.3 Data §2.4.1, §4.4; xAPI 2.0 §4.2.7): 8-4-4-4-12 hexadecimal
 * digits, either case. {@link UUID#fromString} is not used because it accepts short groups such as "1-2-3-4-5",
 * which the specification (and the conformance suite, with its too-long and non-hex ids) rejects.
 */
public final class Uuids {
    private Uuids() {
    }

    public static boolean isUuid(String s) {
        if (s == null || s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return false;
                }
            } else if (!Iris.isHex(c)) {
                return false;
            }
        }
        return true;
    }

    /** Parses a UUID parameter or property; {@code path} names it in the rejection. */
    public static UUID parse(String s, String path) {
        if (!isUuid(s)) {
            throw new InvalidRequestException(path, Rule.UUID.message(null,
                    s == null ? "it is missing" : "found " + Checks.quote(s)));
        }
        long most = 0;
        long least = 0;
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            if (c == '-') {
                continue;
            }
            int digit = Character.digit(c, 16);
            if (i < 19) {
                most = most << 4 | digit;
            } else {
                least = least << 4 | digit;
            }
        }
        return new UUID(most, least);
    }
}
