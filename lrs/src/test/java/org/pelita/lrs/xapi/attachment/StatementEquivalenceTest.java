package org.pelita.lrs.xapi.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pelita.lrs.xapi.Json;

/** The differences between a signed statement and the one received that the spec allows (Data §2.3.1, §2.6). */
class StatementEquivalenceTest {
    private static final String BASE = """
            "actor": {"mbox": "mailto:learner@example.com"},
            "verb": {"id": "http://adlnet.gov/expapi/verbs/attended"},
            "object": {"id": "http://example.com/activities/1"}""";

    @Test
    void ignoresTheVerbDisplayAndActivityDefinitions() {
        assertEquivalent("""
                {"actor": {"mbox": "mailto:learner@example.com"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/attended", "display": {"en-US": "attended"}},
                 "object": {"id": "http://example.com/activities/1", "definition": {"name": {"en-US": "One"}}},
                 "context": {"contextActivities": {"parent": [{"id": "http://example.com/p",
                                                               "definition": {"name": {"en-US": "Parent"}}}]}}}""", """
                {"actor": {"mbox": "mailto:learner@example.com"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/attended", "display": {"fr-FR": "a participé"}},
                 "object": {"id": "http://example.com/activities/1", "objectType": "Activity"},
                 "context": {"contextActivities": {"parent": {"id": "http://example.com/p"}}}}""");
    }

    @Test
    void comparesTimestampsAsInstantsToTheMillisecond() {
        assertEquivalent("{" + BASE + ", \"timestamp\": \"2023-05-04T12:00:00.1234-05:00\"}",
                "{" + BASE + ", \"timestamp\": \"2023-05-04T17:00:00.123Z\"}");
        assertThat(difference("{" + BASE + ", \"timestamp\": \"2023-05-04T12:00:00-05:00\"}",
                "{" + BASE + ", \"timestamp\": \"2023-05-04T12:00:00Z\"}"))
                .contains("$.timestamp is \"2023-05-04T17:00:00Z\" in the signed statement and \"2023-05-04T12:00:00Z\""
                        + " in the statement");
    }

    @Test
    void ignoresTheOrderOfGroupMembers() {
        assertEquivalent("""
                {"actor": {"objectType": "Group", "member": [{"mbox": "mailto:a@example.com"},
                                                            {"objectType": "Agent", "mbox": "mailto:b@example.com"}]},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/attended"}, "object": {"id": "http://example.com/1"}}""",
                """
                {"actor": {"objectType": "Group", "member": [{"mbox": "mailto:b@example.com"},
                                                            {"mbox": "mailto:a@example.com", "objectType": "Agent"}]},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/attended"}, "object": {"id": "http://example.com/1"}}""");
    }

    @Test
    void ignoresCaseWhereTheValueIsCaseInsensitive() {
        assertEquivalent("""
                {"id": "33CFF416-E331-4C9D-969E-5373A1756120", "actor": {"mbox": "MAILTO:learner@EXAMPLE.com"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/attended"}, "object": {"id": "http://example.com/1"},
                 "context": {"registration": "EC531277-B57B-4C15-8D91-D292C5B2B8F7"}}""", """
                {"id": "33cff416-e331-4c9d-969e-5373a1756120", "actor": {"mbox": "mailto:learner@example.com"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/attended"}, "object": {"id": "http://example.com/1"},
                 "context": {"registration": "ec531277-b57b-4c15-8d91-d292c5b2b8f7"}}""");
        // The local part of an address and IRIs keep their case.
        assertThat(difference("{" + BASE + "}", "{" + BASE.replace("learner@", "Learner@") + "}"))
                .isPresent();
        assertThat(difference("{" + BASE + "}", "{" + BASE.replace("activities/1", "Activities/1") + "}"))
                .isPresent();
    }

    @Test
    void comparesNumbersByValue() {
        assertEquivalent("{" + BASE + ", \"result\": {\"score\": {\"scaled\": 0.50, \"raw\": 1.0}}}",
                "{" + BASE + ", \"result\": {\"score\": {\"scaled\": 0.5, \"raw\": 1}}}");
    }

    @Test
    void ignoresSignatureAttachmentsButComparesTheOthers() {
        String other = """
                {"usageType": "http://example.com/attachment-usage/test", "display": {"EN-us": "A test attachment"},
                 "contentType": "text/plain", "length": 27,
                 "sha2": "495395E777CD98DA653DF9615D09C0FD6BB2F8D4788394CD53C56A3BFDCD848A"}""";
        String signature = """
                {"usageType": "http://adlnet.gov/expapi/attachments/signature", "display": {"en-US": "Signature"},
                 "contentType": "application/octet-stream", "length": 4235, "sha2": "%s"}"""
                .formatted("672fa5fa658017f1b72d65036f13379c6ab05d4ab3b6664908d8acf0b6a0c634");
        String lower = other.replace("EN-us", "en-US").replace("495395E777CD98DA653DF9615D09C0FD6BB2F8D4788394CD53C56A3BFDCD848A",
                "495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a");

        assertEquivalent("{" + BASE + "}", "{" + BASE + ", \"attachments\": [" + signature + "]}");
        assertEquivalent("{" + BASE + ", \"attachments\": [" + other + "]}",
                "{" + BASE + ", \"attachments\": [" + lower + ", " + signature + "]}");
        assertThat(difference("{" + BASE + "}", "{" + BASE + ", \"attachments\": [" + other + ", " + signature + "]}"))
                .contains("$.attachments is in the statement but not in the signed statement");
    }

    @Test
    void ignoresVersionWhenEitherLacksItButNotWhenBothDiffer() {
        assertEquivalent("{" + BASE + ", \"version\": \"1.0.0\"}", "{" + BASE + "}");
        assertEquivalent("{" + BASE + "}", "{" + BASE + ", \"version\": \"2.0.0\"}");
        assertThat(difference("{" + BASE + ", \"version\": \"1.0.0\"}", "{" + BASE + ", \"version\": \"1.0.3\"}")).isPresent();
    }

    @Test
    void reportsAPropertyTheStatementLacks() {
        assertThat(difference("{" + BASE + ", \"context\": {\"platform\": \"x\"}}", "{" + BASE + "}"))
                .contains("$.context is in the signed statement but not in the statement");
    }

    @Test
    void namesExtensionKeysInBrackets() {
        assertThat(difference("{" + BASE + ", \"result\": {\"extensions\": {\"http://example.com/e\": 1}}}",
                "{" + BASE + ", \"result\": {\"extensions\": {\"http://example.com/e\": 2}}}"))
                .contains("$.result.extensions[\"http://example.com/e\"] is 1 in the signed statement and 2 in the"
                        + " statement");
    }

    @Test
    void cutsDurationsToHundredthsOfASecond() {
        assertThat(StatementEquivalence.hundredths("P1DT12H36M0.1237S")).isEqualTo("P1DT12H36M0.12S");
        assertThat(StatementEquivalence.hundredths("PT1.10S")).isEqualTo("PT1.1S");
        assertThat(StatementEquivalence.hundredths("PT1.009S")).isEqualTo("PT1S");
        assertThat(StatementEquivalence.hundredths("PT5M")).isEqualTo("PT5M");
        assertThat(StatementEquivalence.hundredths("P1D")).isEqualTo("P1D");
    }

    private static void assertEquivalent(String signed, String received) {
        assertThat(difference(signed, received)).isEmpty();
    }

    private static Optional<String> difference(String signed, String received) {
        return StatementEquivalence.difference((ObjectNode) Json.parse(signed, "signed"),
                (ObjectNode) Json.parse(received, "received"), "$");
    }
}
