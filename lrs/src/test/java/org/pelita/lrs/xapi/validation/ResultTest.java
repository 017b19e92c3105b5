package org.pelita.lrs.xapi.validation;

import static org.pelita.lrs.xapi.validation.Statements.statementWith;
import static org.pelita.lrs.xapi.validation.Verdicts.accepts;
import static org.pelita.lrs.xapi.validation.Verdicts.rejects;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pelita.lrs.xapi.XapiVersion;

/** Result and Score (xAPI 1.0.3 Data §2.4.5; xAPI 2.0 §4.2.2.4). */
class ResultTest {

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void mayUseEveryProperty(XapiVersion v) {
        accepts(statementWith("result", "{'score': {'scaled': 0.95, 'raw': 95, 'min': 0, 'max': 100},"
                + " 'success': true, 'completion': false, 'response': 'We agreed on some example actions.',"
                + " 'duration': 'PT1H0M0S', 'extensions': {'http://example.com/ext/reporter': {'name': 'Thomas'}}}"), v);
        accepts(statementWith("result", "{}"), v);
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void isAnObjectWithNoOtherProperties(XapiVersion v) {
        rejects(statementWith("result", "'passed'"), v).at("$.result").breaking(Rule.WRONG_TYPE);
        rejects(statementWith("result", "{'Success': true}"), v)
                .at("$.result.Success").breaking(Rule.UNKNOWN_PROPERTY).saying("did you mean \"success\"?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"success", "completion"})
    void successAndCompletionAreBooleansNotStrings(String property) {
        for (XapiVersion v : XapiVersion.values()) {
            rejects(statementWith("result", "{'" + property + "': 'true'}"), v)
                    .at("$.result." + property).breaking(Rule.WRONG_TYPE).saying("Boolean");
        }
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void responseIsAString(XapiVersion v) {
        rejects(statementWith("result", "{'response': 12345}"), v).at("$.result.response").breaking(Rule.WRONG_TYPE);
        rejects(statementWith("result", "{'response': {'key': 'invalid'}}"), v).at("$.result.response").breaking(Rule.WRONG_TYPE);
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void durationIsAnIso8601Duration(XapiVersion v) {
        accepts(statementWith("result", "{'duration': 'P1DT12H36M0.12567S'}"), v);
        rejects(statementWith("result", "{'duration': 'PA1H0M0S'}"), v).at("$.result.duration").breaking(Rule.DURATION);
        rejects(statementWith("result", "{'duration': 12345}"), v)
                .at("$.result.duration").breaking(Rule.DURATION).saying("found the number 12345");
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void extensionsIsAnObject(XapiVersion v) {
        rejects(statementWith("result", "{'extensions': 'should fail'}"), v)
                .at("$.result.extensions").breaking(Rule.WRONG_TYPE);
    }

    @Nested
    class AScore {
        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void isAnObjectOfNumbers(XapiVersion v) {
            rejects(statementWith("result", "{'score': 12345}"), v).at("$.result.score").breaking(Rule.WRONG_TYPE);
            rejects(statementWith("result", "{'score': {'max': '100'}}"), v)
                    .at("$.result.score.max").breaking(Rule.WRONG_TYPE).saying("found the String \"100\"");
            rejects(statementWith("result", "{'score': {'percent': 5}}"), v)
                    .at("$.result.score.percent").breaking(Rule.UNKNOWN_PROPERTY);
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1", "-1.0000", "0", "0.6767676", "1", "1.0"})
        void scaledBetweenMinusOneAndOneInclusiveIsAccepted(String scaled) {
            for (XapiVersion v : XapiVersion.values()) {
                accepts(statementWith("result", "{'score': {'scaled': " + scaled + "}}"), v);
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"1.01", "-1.00001", "1.0000000000000001", "2", "-100"})
        void scaledOutsideMinusOneAndOneIsRejected(String scaled) {
            for (XapiVersion v : XapiVersion.values()) {
                rejects(statementWith("result", "{'score': {'scaled': " + scaled + "}}"), v)
                        .at("$.result.score.scaled").breaking(Rule.SCORE_SCALED);
            }
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void rawLiesBetweenMinAndMaxInclusive(XapiVersion v) {
            accepts(statementWith("result", "{'score': {'raw': 0, 'min': 0, 'max': 100}}"), v);
            accepts(statementWith("result", "{'score': {'raw': 100, 'min': 0, 'max': 100}}"), v);
            accepts(statementWith("result", "{'score': {'raw': -5000.5}}"), v);
            rejects(statementWith("result", "{'score': {'raw': 0.6767676, 'min': 0, 'max': 0.6567676}}"), v)
                    .at("$.result.score.raw").breaking(Rule.SCORE_RAW);
            rejects(statementWith("result", "{'score': {'raw': 0.6767676, 'min': 1.4067676}}"), v)
                    .at("$.result.score.raw").breaking(Rule.SCORE_RAW);
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void minIsNotGreaterThanMax(XapiVersion v) {
            accepts(statementWith("result", "{'score': {'min': 5, 'max': 5}}"), v);
            rejects(statementWith("result", "{'score': {'min': 104.6767676, 'max': 100.6767676}}"), v)
                    .at("$.result.score.min").breaking(Rule.SCORE_MIN_MAX);
        }
    }
}
