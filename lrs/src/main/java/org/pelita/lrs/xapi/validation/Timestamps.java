package org.pelita.lrs.xapi.validation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.pelita.lrs.xapi.InvalidRequestException;
import org.pelita.lrs.xapi.XapiVersion;

/**
 * Timestamps: ISO 8601 combined calendar date and time (xAPI 1.0.3 Data §4.5; xAPI 2.0 §4.2.7), in the extended
 * ({@code 2024-05-04T12:00:00.123-05:00}) or basic ({@code 20240504T120000Z}) format, as the conformance
 * requirements (XAPI-00123) name both. Seconds and the fraction are optional; a missing offset is taken as UTC.
 * Offsets may be written Z, ±hh:mm, ±hhmm or ±hh, except a negative zero (-00, -0000, -00:00), which RFC 3339
 * §4.3 reserves for "offset unknown" and the suite rejects in both versions. Hour 24 and leap second 60 are not
 * accepted: no stored instant could represent them.
 *
 * <p>The versions differ in what comes back: 2.0 requires the LRS to convert timestamps to UTC rather than reject
 * them (§4.2.7), so a 2.0 parse returns the instant at UTC; 1.0.3 lets the LRS keep the sender's offset (Data
 * §4.5), so a 1.0.3 parse returns the offset as written.
 */
public final class Timestamps {
    private Timestamps() {
    }

    public static OffsetDateTime parse(String text, String path, XapiVersion v) {
        OffsetDateTime parsed = parseOrNull(text);
        if (parsed == null) {
            throw new InvalidRequestException(path, Rule.TIMESTAMP.message(v, problem(text)));
        }
        return v != null && v.atLeast2() ? parsed.withOffsetSameInstant(ZoneOffset.UTC) : parsed;
    }

    /** The instant, with the offset as written, or null when the text is not a Timestamp. */
    static OffsetDateTime parseOrNull(String s) {
        if (s == null || s.length() < 13) {
            return null;
        }
        int n = s.length();
        int year = digits(s, 0, 4);
        boolean extended = s.charAt(4) == '-';
        int month;
        int day;
        int i;
        if (extended) {
            month = digits(s, 5, 2);
            day = s.charAt(7) == '-' ? digits(s, 8, 2) : -1;
            i = 10;
        } else {
            month = digits(s, 4, 2);
            day = digits(s, 6, 2);
            i = 8;
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return null;
        }
        if (i >= n || (s.charAt(i) | 0x20) != 't') {
            return null;
        }
        int hour = digits(s, i + 1, 2);
        i += 3;
        if (extended) {
            if (i >= n || s.charAt(i) != ':') {
                return null;
            }
            i++;
        }
        int minute = digits(s, i, 2);
        i += 2;
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return null;
        }
        int second = 0;
        int nanos = 0;
        boolean hasSeconds = extended ? i < n && s.charAt(i) == ':' : digits(s, i, 2) >= 0;
        if (hasSeconds) {
            i += extended ? 1 : 0;
            second = digits(s, i, 2);
            i += 2;
            if (second < 0 || second > 59) {
                return null;
            }
            if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                int first = ++i;
                int scale = 100_000_000;
                while (i < n && isDigit(s.charAt(i))) {
                    nanos += (s.charAt(i) - '0') * scale;   // digits past nanoseconds are dropped
                    scale /= 10;
                    i++;
                }
                if (i == first) {
                    return null;
                }
            }
        }
        ZoneOffset offset = offset(s, i);
        if (offset == null) {
            return null;
        }
        return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
    }

    /** The offset from position {@code i} to the end: none (UTC), Z, or ±hh[[:]mm]; null when malformed. */
    private static ZoneOffset offset(String s, int i) {
        int n = s.length();
        if (i == n) {
            return ZoneOffset.UTC;
        }
        char sign = s.charAt(i);
        if ((sign | 0x20) == 'z') {
            return i + 1 == n ? ZoneOffset.UTC : null;
        }
        if (sign != '+' && sign != '-') {
            return null;
        }
        int hours = digits(s, i + 1, 2);
        int minutes = 0;
        int j = i + 3;
        if (j < n) {
            if (s.charAt(j) == ':') {
                j++;
            }
            minutes = digits(s, j, 2);
            j += 2;
        }
        if (hours < 0 || minutes < 0 || j != n || minutes > 59 || hours > 18 || hours == 18 && minutes > 0) {
            return null;
        }
        if (sign == '-') {
            if (hours == 0 && minutes == 0) {
                return null;
            }
            return ZoneOffset.ofHoursMinutes(-hours, -minutes);
        }
        return ZoneOffset.ofHoursMinutes(hours, minutes);
    }

    /** Why a text is not a Timestamp, for the message. */
    static String problem(String text) {
        if (text == null) {
            return "it is missing";
        }
        if ((text.endsWith("-00") || text.endsWith("-0000") || text.endsWith("-00:00"))
                && parseOrNull(text.substring(0, text.lastIndexOf('-')) + "Z") != null) {
            return "the offset " + text.substring(text.lastIndexOf('-'))
                    + " means an unknown local offset (RFC 3339 §4.3) and is not accepted; use Z or +00:00";
        }
        return "found " + Checks.quote(text);
    }

    /** The value of {@code count} decimal digits at {@code at}, or -1 if they are not all there. */
    private static int digits(String s, int at, int count) {
        if (at < 0 || at + count > s.length()) {
            return -1;
        }
        int value = 0;
        for (int i = at; i < at + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int daysInMonth(int year, int month) {
        switch (month) {
            case 2:
                return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
            case 4: case 6: case 9: case 11:
                return 30;
            default:
                return 31;
        }
    }
}
