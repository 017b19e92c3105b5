package org.pelita.lrs.xapi.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.pelita.lrs.xapi.validation.Statements.json;
import static org.pelita.lrs.xapi.validation.Verdicts.rejection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** IRIs and IRLs, validated best effort (xAPI 1.0.3 Data §2.2, §4.3; xAPI 2.0 §4.2.1, §4.2.7). */
class IrisTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://adlnet.gov/expapi/verbs/attended", "https://example.com/a?b=c&d=%20e#frag",
        "urn:uuid:fd41c918-b88b-4b20-a0a5-a4c32391aaa0", "mailto:ana@example.com", "tag:example.com,2024:a",
        "http://example.com/path/../slug", "http://例え.jp/テスト", "http://example.com/emoji/\uD83D\uDE00",
        "localhost:8080/x", "x-custom+scheme.v1:anything", "http://[::1]:8080/a"})
    void irisWithASchemeAreAccepted(String iri) {
        assertThat(Iris.isIri(iri)).as(iri).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"adlnet.gov/expapi/verbs/attended", "ab=c://should.fail.com", "should fail", "http:",
        "1http://example.com", "://example.com", "http://example.com/a b", "http://example.com/<a>",
        "http://example.com/{a}", "http://example.com/a|b", "http://example.com/a\\b", "http://example.com/a^b",
        "http://example.com/`a`", "http://example.com/\"a\"", "http://example.com/%", "http://example.com/%2",
        "http://example.com/%zz", "http://example.com/a#b#c", "http://example.com/\u0085", "http://example.com/\uD800",
        "http://example.com/\tx", "", "ex"})
    void anythingElseIsRejected(String iri) {
        assertThat(Iris.isIri(iri)).as(iri).isFalse();
    }

    @Test
    void requireIriChecksAParameterValue() {
        assertThatCode(() -> Iris.requireIri(json("'http://example.com/a'"), "activityId", "the activityId parameter"))
                .doesNotThrowAnyException();
        rejection(() -> Iris.requireIri(json("'not.a.valid.iri.com/activity'"), "activity", "the activity parameter"), null)
                .at("activity").saying("the activity parameter must be an IRI").saying(Rule.IRI.citation(null));
        rejection(() -> Iris.requireIri(null, "verb", "the verb parameter"), null)
                .at("verb").saying("it is missing");
    }
}
