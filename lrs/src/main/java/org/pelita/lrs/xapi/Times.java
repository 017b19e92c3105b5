package org.pelita.lrs.xapi;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import org.pelita.lrs.xapi.validation.Timestamps;

/** Timestamps the LRS writes (stored, Consistent-Through) and reads as query parameters (since, until). */
public final class Times {
    private static final DateTimeFormatter MILLIS_UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");
    private static final DateTimeFormatter PRECISE_UTC = new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 3, 9, true).appendLiteral('Z').toFormatter();

    private Times() {
    }

    /** ISO 8601 in UTC with milliseconds, the precision the LRS stores. */
    public static String format(OffsetDateTime time) {
        return MILLIS_UTC.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** ISO 8601 in UTC with at least milliseconds and as many more digits as the time has (a statement's timestamp). */
    public static String formatPrecise(OffsetDateTime time) {
        return PRECISE_UTC.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }

    public static OffsetDateTime truncate(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * A timestamp query parameter, read by the grammar of Timestamps in statements (Data §4.5): ISO 8601 extended or
     * basic, the offset optional (UTC when missing); 400 naming the parameter otherwise.
     */
    public static OffsetDateTime parseParameter(String text, String parameter) {
        try {
            return Timestamps.parse(text.trim(), parameter, XapiVersion.V2_0_0).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException("the " + parameter + " parameter '" + text
                    + "' is not an ISO 8601 timestamp, e.g. 2026-11-27T10:15:30.000Z");
        }
    }
}
