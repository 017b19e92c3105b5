package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** GET preconditions as RFC 9110 §13 states them. */
class ConditionalRequestTest {
    private static final String TAG = "\"abc\"";
    private static final Optional<Instant> MODIFIED = Optional.of(Instant.parse("2026-11-28T10:15:30.700Z"));

    private static boolean notModified(String ifNoneMatch, String ifModifiedSince) {
        return ConditionalRequest.notModified(ifNoneMatch, ifModifiedSince, TAG, MODIFIED);
    }

    @Test
    void ifNoneMatchMatchesAnyTagOfItsListByWeakComparison() {
        assertThat(notModified("\"abc\"", null)).isTrue();
        assertThat(notModified("\"x\", W/\"abc\"", null)).isTrue();
        assertThat(notModified("\"x\",\"y\"", null)).isFalse();
        assertThat(notModified("\"ab\"", null)).isFalse();
        assertThat(notModified("*", null)).isTrue();
    }

    @Test
    void ifModifiedSinceAtOrAfterTheModificationToTheSecondIsNotModified() {
        assertThat(notModified(null, "Sat, 28 Nov 2026 10:15:30 GMT")).isTrue();
        assertThat(notModified(null, "Sat, 28 Nov 2026 10:15:31 GMT")).isTrue();
        assertThat(notModified(null, "Sat, 28 Nov 2026 10:15:29 GMT")).isFalse();
    }

    @Test
    void ifNoneMatchDecidesAloneWhenBothAreSent() {
        assertThat(notModified("\"other\"", "Sat, 28 Nov 2026 10:15:31 GMT")).isFalse();
    }

    @Test
    void anIfModifiedSinceThatIsNotADateIsIgnoredAndSoIsAnyWithoutAModificationDate() {
        assertThat(notModified(null, "2026-11-28")).isFalse();
        assertThat(ConditionalRequest.notModified(null, "Sat, 28 Nov 2026 10:15:31 GMT", TAG, Optional.empty())).isFalse();
    }

    @Test
    void datesAreSentAsImfFixdate() {
        assertThat(ConditionalRequest.httpDate(Instant.parse("2026-11-01T09:05:03.900Z"))).isEqualTo("Sun, 01 Nov 2026 09:05:03 GMT");
    }
}
