package org.pelita.lrs.xapi.validation;

import static org.pelita.lrs.xapi.validation.Statements.statementWith;
import static org.pelita.lrs.xapi.validation.Verdicts.accepts;
import static org.pelita.lrs.xapi.validation.Verdicts.rejects;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pelita.lrs.xapi.XapiVersion;

/** Verb (xAPI 1.0.3 Data §2.4.3; xAPI 2.0 §4.2.2.2), and voiding (Data §2.3.2; 2.0 §4.2.5). */
class VerbTest {

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void hasAnIdThatIsAnIriAndAnOptionalDisplay(XapiVersion v) {
        accepts(statementWith("verb", "{'id': 'http://adlnet.gov/expapi/verbs/attended',"
                + " 'display': {'en-GB': 'attended', 'en-US': 'attended', 'de': 'besucht'}}"), v);
        accepts(statementWith("verb", "{'id': 'urn:x-example:verbs:attended'}"), v);
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void withoutAnIdIsRejected(XapiVersion v) {
        rejects(statementWith("verb", "{'display': {'en-US': 'attended'}}"), v)
                .at("$.verb.id").breaking(Rule.VERB_ID).saying("id is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"adlnet.gov/expapi/verbs/attended", "ab=c://should.fail.com", "attended", ""})
    void anIdThatIsNotAnIriIsRejected(String id) {
        for (XapiVersion v : XapiVersion.values()) {
            rejects(statementWith("verb", "{'id': '" + id + "'}"), v).at("$.verb.id").breaking(Rule.VERB_ID);
        }
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void displayIsALanguageMap(XapiVersion v) {
        rejects(statementWith("verb", "{'id': 'http://example.com/v', 'display': 'attended'}"), v)
                .at("$.verb.display").breaking(Rule.WRONG_TYPE).saying("Language Map");
        rejects(statementWith("verb", "{'id': 'http://example.com/v', 'display': {'something': 'besucht'}}"), v)
                .at("$.verb.display.something").breaking(Rule.LANGUAGE_MAP_KEY);
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void hasNoOtherProperties(XapiVersion v) {
        rejects(statementWith("verb", "{'id': 'http://example.com/v', 'Display': {'en': 'x'}}"), v)
                .at("$.verb.Display").breaking(Rule.UNKNOWN_PROPERTY).saying("did you mean \"display\"?");
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void aVoidingStatementTargetsAStatementRef(XapiVersion v) {
        accepts(statementWith("verb", "{'id': 'http://adlnet.gov/expapi/verbs/voided', 'display': {'en-US': 'voided'}}",
                "object", "{'objectType': 'StatementRef', 'id': '8f87ccde-bb56-4c2e-ab83-44982ef22df0'}"), v);
        rejects(statementWith("verb", "{'id': 'http://adlnet.gov/expapi/verbs/voided'}"), v)
                .at("$.object").breaking(Rule.VOIDING).saying("found an Activity");
        rejects(statementWith("verb", "{'id': 'http://adlnet.gov/expapi/verbs/voided'}",
                "object", "{'objectType': 'Agent', 'mbox': 'mailto:a@example.com'}"), v)
                .at("$.object").breaking(Rule.VOIDING).saying("found an Agent");
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void otherVerbsEndingInVoidedAreNotVoiding(XapiVersion v) {
        accepts(statementWith("verb", "{'id': 'http://example.com/verbs/voided'}"), v);
    }
}
