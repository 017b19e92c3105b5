package org.pelita.lrs.xapi.validation;

import org.pelita.lrs.xapi.InvalidRequestException;

/**
 * Durations in the ISO 8601:2004 §4.4.3.2 format (xAPI 1.0.3 Data §4.6; xAPI 2.0 §4.2.7): {@code PnYnMnDTnHnMnS}
 * with any components present in that order (at least one, and at least one after a {@code T}), or {@code PnW}
 * alone ("P4W1D" is invalid). Only the last component may carry a fraction ({@code PT0.12567S}; precision beyond
 * hundredths is accepted, never rejected). The alternative format {@code P0003-01-29T...} is not accepted, nor is
 * a sign. "P16559.14S", an example in the 1.0.3 text, lacks the {@code T} ISO 8601 requires and is rejected.
 */
public final class Durations {
    private static final int WEEK = 2;

    private Durations() {
    }

    public static void validate(String iso8601Duration, String path) {
        if (!isDuration(iso8601Duration)) {
            throw new InvalidRequestException(path, Rule.DURATION.message(null,
                    iso8601Duration == null ? "it is missing" : "found " + Checks.quote(iso8601Duration)));
        }
    }

    static boolean isDuration(String s) {
        if (s == null || s.length() < 3 || s.charAt(0) != 'P') {
            return false;
        }
        int n = s.length();
        int i = 1;
        boolean inTime = false;
        boolean fraction = false;
        int lastRank = -1;
        int components = 0;
        while (i < n) {
            if (s.charAt(i) == 'T') {
                if (inTime || i + 1 == n) {
                    return false;
                }
                inTime = true;
                i++;
                continue;
            }
            if (fraction) {
                return false;   // a fraction is allowed on the last component only
            }
            int start = i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start || i == n) {
                return false;
            }
            if (s.charAt(i) == '.' || s.charAt(i) == ',') {
                int first = ++i;
                while (i < n && isDigit(s.charAt(i))) {
                    i++;
                }
                if (i == first || i == n) {
                    return false;
                }
                fraction = true;
            }
            int rank = rank(s.charAt(i++), inTime);
            if (rank <= lastRank || rank == WEEK && components > 0) {
                return false;
            }
            if (lastRank == WEEK) {
                return false;
            }
            lastRank = rank;
            components++;
        }
        return components > 0 && !(inTime && lastRank < 4);
    }

    /** The position of a designator: Y M W D in the date part, H M S in the time part; -1 if it has none. */
    private static int rank(char designator, boolean inTime) {
        if (inTime) {
            switch (designator) {
                case 'H': return 4;
                case 'M': return 5;
                case 'S': return 6;
                default: return -1;
            }
        }
        switch (designator) {
            case 'Y': return 0;
            case 'M': return 1;
            case 'W': return WEEK;
            case 'D': return 3;
            default: return -1;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
