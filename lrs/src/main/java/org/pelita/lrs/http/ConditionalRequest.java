package org.pelita.lrs.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The preconditions of a GET or HEAD (RFC 9110 §13): whether the client's copy, named by If-None-Match or dated by
 * If-Modified-Since, is still current, so the answer can be 304 Not Modified without a body.
 */
public final class ConditionalRequest {
    /** IMF-fixdate (RFC 9110 §5.6.7), the form an HTTP date must be sent in: a two-digit day, always GMT. */
    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final Pattern ENTITY_TAG = Pattern.compile("\\s*(W/)?(\"[^\"]*\")\\s*(,|$)");

    private ConditionalRequest() {
    }

    /** A strong entity tag for content known by its SHA-256: the same bytes always have the same tag. */
    public static String etag(String sha256) {
        return "\"" + sha256 + "\"";
    }

    public static String httpDate(Instant time) {
        return IMF_FIXDATE.format(time);
    }

    /**
     * Whether the client's copy is current. If-None-Match, when sent, decides alone (§13.2.2 step 3: If-Modified-Since
     * is then ignored); it matches by weak comparison (§8.8.3.2), and * matches any current representation.
     * Otherwise a valid If-Modified-Since at or after the last modification (to the second, the precision of HTTP
     * dates) means not modified; one that is not a valid date is ignored (§13.1.3), and so is any while the
     * resource has no usable modification date.
     */
    public static boolean notModified(String ifNoneMatch, String ifModifiedSince, String etag, Optional<Instant> lastModified) {
        if (ifNoneMatch != null && !ifNoneMatch.isBlank()) {
            return matches(ifNoneMatch, etag);
        }
        if (ifModifiedSince != null && !ifModifiedSince.isBlank() && lastModified.isPresent()) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return !lastModified.get().truncatedTo(ChronoUnit.SECONDS).isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch.trim().equals("*")) {
            return true;
        }
        String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
        Matcher m = ENTITY_TAG.matcher(ifNoneMatch);
        int at = 0;
        while (at < ifNoneMatch.length() && m.find(at) && m.start() == at) {
            if (m.group(2).equals(opaque)) {
                return true;
            }
            at = m.end();
        }
        return false;
    }
}
