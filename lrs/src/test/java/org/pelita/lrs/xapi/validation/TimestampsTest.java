package org.pelita.lrs.xapi.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.xapi.validation.Verdicts.rejection;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pelita.lrs.xapi.XapiVersion;

/** Timestamps (xAPI 1.0.3 Data §4.5; xAPI 2.0 §4.2.7). */
class TimestampsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "2008-09-15T15:53:00.601Z",            // what the suite and most clients send
        "2008-09-15T15:53:00.601+00:00",       // the suite's "valid RFC 3339" case
        "2023-05-04T12:00:00-05:00",           // the suite's conversion-to-UTC case
        "2008-09-15T15:53:00Z", "2008-09-15T15:53Z", "2008-09-15t15:53:00z",
        "2008-09-15T15:53:00.123456789123+05:30", "2008-09-15T15:53:00,5+0530", "2008-09-15T15:53:00+05",
        "2008-09-15T15:53:00",                 // no offset: taken as UTC
        "20080915T155300Z", "20080915T155300.601+0100", "20080915T1553",   // ISO 8601 basic format
        "2024-02-29T00:00:00Z", "2008-09-15T23:59:59.999-12:00", "2008-09-15T00:00:00+14:00"})
    void iso8601DatesAndTimesAreAccepted(String text) {
        for (XapiVersion v : XapiVersion.values()) {
            assertThat(Timestamps.parse(text, "$.timestamp", v)).as(text).isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"should fail", "01/011/2015", "2008-09-15", "2008-09-15T", "2008-09-15T15",
        "2008-09-15 15:53:00Z", "2008-13-15T15:53:00Z", "2023-02-29T15:53:00Z", "2008-09-31T15:53:00Z",
        "2008-09-15T24:00:00Z", "2008-09-15T15:60:00Z", "2008-09-15T15:53:60Z", "2008-09-15T15:53:00.Z",
        "2008-09-15T15:53:00ZZ", "2008-09-15T15:53:00+5:30", "2008-09-15T15:53:00+19:00", "2008-09-15T15:53:00+05:61",
        "2008-09-15T155300Z", "20080915T15:53:00Z", "+2008-09-15T15:53:00Z", "2008-W38-1T15:53:00Z", ""})
    void anythingElseIsRejected(String text) {
        for (XapiVersion v : XapiVersion.values()) {
            rejection(() -> Timestamps.parse(text, "$.timestamp", v), v).at("$.timestamp").breaking(Rule.TIMESTAMP);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2008-09-15T15:53:00.601-00", "2008-09-15T15:53:00.601-0000", "2008-09-15T15:53:00.601-00:00"})
    void aNegativeZeroOffsetMeansUnknownAndIsRejected(String text) {
        for (XapiVersion v : XapiVersion.values()) {
            rejection(() -> Timestamps.parse(text, "$.timestamp", v), v)
                    .at("$.timestamp").breaking(Rule.TIMESTAMP).saying("unknown local offset (RFC 3339 §4.3)");
        }
    }

    @Test
    void version20ConvertsToUtc() {
        OffsetDateTime t = Timestamps.parse("2023-05-04T12:00:00-05:00", "$.timestamp", XapiVersion.V2_0_0);
        assertThat(t).isEqualTo(OffsetDateTime.of(2023, 5, 4, 17, 0, 0, 0, ZoneOffset.UTC));
        assertThat(t.getOffset()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void version103KeepsTheOffsetAsWritten() {
        OffsetDateTime t = Timestamps.parse("2023-05-04T12:00:00-05:00", "$.timestamp", XapiVersion.V1_0_3);
        assertThat(t.getOffset()).isEqualTo(ZoneOffset.ofHours(-5));
        assertThat(t.toInstant()).isEqualTo(OffsetDateTime.of(2023, 5, 4, 17, 0, 0, 0, ZoneOffset.UTC).toInstant());
    }

    @Test
    void fractionsKeepNanosecondPrecision() {
        OffsetDateTime t = Timestamps.parse("2008-09-15T15:53:00.123456789999Z", "since", XapiVersion.V2_0_0);
        assertThat(t.getNano()).isEqualTo(123_456_789);
    }

    @Test
    void aTimestampWithoutOffsetIsTakenAsUtc() {
        assertThat(Timestamps.parse("2008-09-15T15:53:00", "since", XapiVersion.V1_0_3).getOffset())
                .isEqualTo(ZoneOffset.UTC);
    }
}
