package org.pelita.lrs.xapi.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.xapi.validation.Statements.json;
import static org.pelita.lrs.xapi.validation.Statements.statement;
import static org.pelita.lrs.xapi.validation.Statements.statementWith;
import static org.pelita.lrs.xapi.validation.Statements.statementWithout;
import static org.pelita.lrs.xapi.validation.Verdicts.accepts;
import static org.pelita.lrs.xapi.validation.Verdicts.rejection;
import static org.pelita.lrs.xapi.validation.Verdicts.rejects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pelita.lrs.xapi.InvalidRequestException;
import org.pelita.lrs.xapi.XapiVersion;

/**
 * The Statement as a whole (xAPI 1.0.3 Data §2.2, §2.4; xAPI 2.0 §4.2.1, §4.2.2): required and allowed properties,
 * null, id, version, and what a client may send of the properties the LRS sets (stored, authority).
 */
class StatementPropertiesTest {

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void theMinimalStatementHasAnActorAVerbAndAnObject(XapiVersion v) {
        accepts(statement(), v);
    }

    @ParameterizedTest
    @ValueSource(strings = {"actor", "verb", "object"})
    void withoutActorVerbOrObjectIsRejected(String property) {
        for (XapiVersion v : XapiVersion.values()) {
            rejects(statementWithout(property), v).at("$." + property)
                    .breaking(Rule.STATEMENT_REQUIRED).saying(property + " is missing");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Id", "Actor", "VERB", "Object", "Result", "Context", "Timestamp", "Stored", "Authority",
        "Version", "Attachments"})
    void aPropertyWhoseCaseDiffersFromTheSpecificationIsRejected(String property) {
        for (XapiVersion v : XapiVersion.values()) {
            rejects(statementWith(property, "{}"), v).at("$." + property)
                    .breaking(Rule.UNKNOWN_PROPERTY).saying("did you mean \"" + property.toLowerCase() + "\"?");
        }
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void aPropertyTheSpecificationDoesNotDefineIsRejected(XapiVersion v) {
        rejects(statementWith("objectType", "'statementref'"), v).at("$.objectType")
                .breaking(Rule.UNKNOWN_PROPERTY).saying("allowed here: id, actor, verb, object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"actor", "verb", "object", "result", "context", "timestamp", "id", "version", "authority",
        "attachments", "stored"})
    void nullIsRejectedAsAPropertyValue(String property) {
        for (XapiVersion v : XapiVersion.values()) {
            rejects(statementWith(property, "null"), v).at("$." + property).breaking(Rule.NULL_VALUE);
        }
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void nullIsRejectedDeepInsideToo(XapiVersion v) {
        rejects(statementWith("actor", "{'name': null, 'mbox': 'mailto:xapi@adlnet.gov'}"), v)
                .at("$.actor.name").breaking(Rule.NULL_VALUE);
        rejects(statementWith("verb", "{'id': 'http://example.com/v', 'display': {'en-GB': 'attended', 'en-US': null}}"), v)
                .at("$.verb.display['en-US']").breaking(Rule.NULL_VALUE);
        rejects(statementWith("object", "{'id': 'http://example.com/a', 'definition': {'moreInfo': null}}"), v)
                .at("$.object.definition.moreInfo").breaking(Rule.NULL_VALUE);
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void aStatementIsAJsonObject(XapiVersion v) {
        rejection(() -> new StatementValidator(v).validate(json("['not', 'a', 'statement']"), "$[4]"), v)
                .at("$[4]").breaking(Rule.WRONG_TYPE).saying("expected a Statement object but found an array");
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void theIdIsAUuid(XapiVersion v) {
        accepts(statementWith("id", "'fd41c918-b88b-4b20-a0a5-a4c32391aaa0'"), v);
        accepts(statementWith("id", "'AA97B177-9383-4934-8543-0F91A7A02836'"), v);
        rejects(statementWith("id", "'AA97B177-9383-4934-8543-0F91A7A028368'"), v).at("$.id").breaking(Rule.UUID);
        rejects(statementWith("id", "'MA97B177-9383-4934-8543-0F91A7A02836'"), v).at("$.id").breaking(Rule.UUID);
        rejects(statementWith("id", "12345"), v).at("$.id").breaking(Rule.UUID).saying("found the number 12345");
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void aBatchPathPrefixesEveryPath(XapiVersion v) {
        InvalidRequestException e = (InvalidRequestException) org.assertj.core.api.Assertions.catchThrowable(() ->
                new StatementValidator(v).validate(statementWith("actor", "{'mbox': 'bob'}"), "$[3]"));
        assertThat(e.path()).isEqualTo("$[3].actor.mbox");
        assertThat(e.getMessage()).startsWith("$[3].actor.mbox: an mbox must be a mailto IRI");
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void storedMaySentButMustBeATimestamp(XapiVersion v) {
        // The LRS overwrites it (Data §2.4.8); the suite expects the statement to be accepted.
        accepts(statementWith("stored", "'2011-07-15T04:00:00.000Z'"), v);
        rejects(statementWith("stored", "'yesterday'"), v).at("$.stored").breaking(Rule.TIMESTAMP);
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void theTimestampIsATimestampAndMayLieInTheFuture(XapiVersion v) {
        accepts(statementWith("timestamp", "'2099-11-27T21:52:27.237Z'"), v);
        rejects(statementWith("timestamp", "'01/011/2015'"), v).at("$.timestamp").breaking(Rule.TIMESTAMP);
        rejects(statementWith("timestamp", "1700000000000"), v).at("$.timestamp").breaking(Rule.TIMESTAMP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1.0.0", "1.0.3", "1.0.9", "1.0.10"})
    void aVersionOf10xIsAcceptedByBothVersions(String version) {
        for (XapiVersion v : XapiVersion.values()) {
            accepts(statementWith("version", "'" + version + "'"), v);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.0", "2.0.0", "2.0.1"})
    void aVersionOf20xIsAcceptedOnlyBy20(String version) {
        accepts(statementWith("version", "'" + version + "'"), XapiVersion.V2_0_0);
        rejects(statementWith("version", "'" + version + "'"), XapiVersion.V1_0_3).at("$.version").breaking(Rule.VERSION_1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"should fail", "0.9.9", "1.1.0", "1.0.", "1", "1.0.x", "2.1.0", "3.0.0", ""})
    void anyOtherVersionIsRejected(String version) {
        rejects(statementWith("version", "'" + version + "'"), XapiVersion.V1_0_3).at("$.version").breaking(Rule.VERSION_1);
        rejects(statementWith("version", "'" + version + "'"), XapiVersion.V2_0_0).at("$.version").breaking(Rule.VERSION_2);
    }

    @Test
    void theVersionIsAString() {
        rejects(statementWith("version", "1.0"), XapiVersion.V1_0_3).at("$.version").breaking(Rule.VERSION_1);
    }
}
