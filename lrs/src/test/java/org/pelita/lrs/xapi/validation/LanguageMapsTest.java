package org.pelita.lrs.xapi.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.pelita.lrs.xapi.validation.Statements.json;
import static org.pelita.lrs.xapi.validation.Verdicts.rejection;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pelita.lrs.xapi.XapiVersion;

/**
 * Language Maps and RFC 5646 tags (xAPI 1.0.3 Data §2.2, §4.2; xAPI 2.0 §4.2.7). Both versions check the tags;
 * the suite sends the same valid and invalid tags under 1.0.3 and 2.0.
 */
class LanguageMapsTest {

    @ParameterizedTest
    @ValueSource(strings = {"de", "en-US", "de-DE", "zh-Hant", "sr-Latn-RS", "cmn", "tlh", "es-MX", "es-419", "sr-Cyrl",
        "zh-Hans-CN", "ase", "ja", "fr-CA", "en-GB", "zh-yue-HK", "zh-min-nan", "de-CH-1901", "sl-rozaj-biske",
        "de-DE-u-co-phonebk", "en-a-bbb-x-a-ccc", "x-whatever", "qaa-Qaaa-QM-x-southern", "i-klingon", "en-GB-oed",
        "EN-us", "abcde", "sgn-BE-FR", "art-lojban", "en-US-x-twain"})
    void wellFormedTagsAreAccepted(String tag) {
        assertThat(LanguageMaps.isLanguageTag(tag)).as(tag).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"something", "a12345", "a12345678", "en-something-AU", "zh-something-ccc", "s-something",
        "zh-z-aaa-z-bbb-c-ccc", "de-1901-1901", "", "-", "en-", "-en", "en--US", "e", "en_US", "en-US-", "x",
        "x-", "en-a", "en-a-x-foo", "en-US-Latn", "123", "en-123456789", "ab-cde-fgh-ijk-lmn", "en-GB-GB",
        "x-abcdefghi", "i-notregistered"})
    void malformedTagsAreRejected(String tag) {
        assertThat(LanguageMaps.isLanguageTag(tag)).as(tag).isFalse();
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void aLanguageMapMapsTagsToStrings(XapiVersion v) {
        assertThatCode(() -> LanguageMaps.validate(json("{'en-US': 'attended', 'de': 'besucht'}"), "$.verb.display", v))
                .doesNotThrowAnyException();
        assertThatCode(() -> LanguageMaps.validate(json("{}"), "$.verb.display", v)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void aKeyThatIsNotATagIsRejected(XapiVersion v) {
        rejection(() -> LanguageMaps.validate(json("{'en-US': 'ok', 'something': 'besucht'}"), "$.verb.display", v), v)
                .at("$.verb.display.something").breaking(Rule.LANGUAGE_MAP_KEY);
        rejection(() -> LanguageMaps.validate(json("{'es-MX x': 'x'}"), "$.verb.display", v), v)
                .at("$.verb.display['es-MX x']").breaking(Rule.LANGUAGE_MAP_KEY);
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void aValueThatIsNotAStringIsRejected(XapiVersion v) {
        rejection(() -> LanguageMaps.validate(json("{'en': 5}"), "$.verb.display", v), v)
                .at("$.verb.display.en").breaking(Rule.LANGUAGE_MAP_VALUE);
        rejection(() -> LanguageMaps.validate(json("{'en': null}"), "$.verb.display", v), v)
                .at("$.verb.display.en").breaking(Rule.NULL_VALUE);
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void aLanguageMapIsAnObject(XapiVersion v) {
        rejection(() -> LanguageMaps.validate(json("'a12345 attended'"), "$.verb.display", v), v)
                .at("$.verb.display").breaking(Rule.WRONG_TYPE);
    }
}
