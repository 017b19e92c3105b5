package org.pelita.lrs.xapi;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Timestamps the LRS writes (stored, Consistent-Through) and reads as query parameters (since, until). */
public final class Times {
    private static final DateTimeFormatter MILLIS_UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");

    private Times() {
    }

    /** ISO 8601 in UTC with milliseconds, the precision the LRS stores. */
    public static String format(OffsetDateTime time) {
        return MILLIS_UTC.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }

    public static OffsetDateTime truncate(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    /** A timestamp query parameter: ISO 8601 with an offset (or Z); 400 naming the parameter otherwise. */
    public static OffsetDateTime parseParameter(String text, String parameter) {
        try {
            return OffsetDateTime.parse(text.trim()).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("the " + parameter + " parameter '" + text
                    + "' is not an ISO 8601 timestamp with a time zone, e.g. 2026-11-27T10:15:30.000Z");
        }
    }
}
