package org.pelita.lrs.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pelita.lrs.store.Keys;
import org.pelita.lrs.store.LearningEvent;
import org.pelita.lrs.xapi.Json;

/** What the reports read of a stored statement, per Pelita's xAPI profile (docs/xapi-profile.md). */
class LearningEventsTest {
    private static final String M = "urn:pelita:module:cyber";

    private static Optional<LearningEvent> of(String verb, String object, String context, String result) {
        String json = "{\"id\":\"6f1b2b9e-0d8c-4b7a-9a51-2f5d5c1e0a11\",\"timestamp\":\"2026-11-02T08:00:00.000Z\","
                + "\"actor\":{\"account\":{\"homePage\":\"https://lms.example.org\",\"name\":\"L1\"}},"
                + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/" + verb + "\"},\"object\":" + object
                + (context == null ? "" : ",\"context\":" + context) + (result == null ? "" : ",\"result\":" + result) + "}";
        return LearningEvents.of(Json.parse(json, "test statement"));
    }

    private static String activity(String id) {
        return "{\"objectType\":\"Activity\",\"id\":\"" + id + "\"}";
    }

    private static String context(String extra) {
        return "{\"registration\":\"9b6f0d4c-3f1e-4a55-8d0e-2b1f6a7c8d90\",\"language\":\"id\",\"extensions\":{"
                + "\"urn:pelita:xapi:extension:module-version\":\"1.2.0\"" + extra + "}}";
    }

    @Test
    void aPageIsInItsLessonAndModule() {
        LearningEvent event = of("experienced", activity(M + "/pages/l1/p2"), context(""), null).orElseThrow();

        assertThat(event.moduleId()).isEqualTo(M);
        assertThat(event.objectKind()).isEqualTo("page");
        assertThat(event.parentId()).isEqualTo(M + "/lessons/l1");
        assertThat(event.moduleVersion()).isEqualTo("1.2.0");
        assertThat(event.language()).isEqualTo("id");
        assertThat(event.learnerKey()).isEqualTo(Keys.of("account:https://lms.example.org L1"));
    }

    @Test
    void anAnsweredQuestionKeepsItsQuizResponseAndSuccess() {
        LearningEvent event = of("answered", activity(M + "/questions/pre/q3"),
                context(",\"urn:pelita:xapi:extension:quiz-kind\":\"pre-test\",\"urn:pelita:xapi:extension:organisation\":\"Sahabat\""),
                "{\"response\":\"a[,]c\",\"success\":false,\"duration\":\"PT12.5S\"}").orElseThrow();

        assertThat(event.objectKind()).isEqualTo("question");
        assertThat(event.parentId()).isEqualTo(M + "/quizzes/pre");
        assertThat(event.quizKind()).isEqualTo("pre-test");
        assertThat(event.organisation()).isEqualTo("Sahabat");
        assertThat(event.response()).isEqualTo("a[,]c");
        assertThat(event.success()).isFalse();
        assertThat(event.durationMs()).isEqualTo(12_500);
    }

    @Test
    void aSubmittedQuizKeepsItsScaledScore() {
        LearningEvent event = of("passed", activity(M + "/quizzes/post"), context(""),
                "{\"score\":{\"scaled\":0.8,\"raw\":8,\"max\":10},\"success\":true}").orElseThrow();

        assertThat(event.objectKind()).isEqualTo("quiz");
        assertThat(event.scoreScaled()).isEqualTo(0.8);
        assertThat(event.verb()).isEqualTo("passed");
    }

    @Test
    void theModuleIsTheObjectWhenTheIriHasNoPelitaPath() {
        LearningEvent event = of("terminated", activity(M), context(""), "{\"duration\":\"PT1H2M\"}").orElseThrow();

        assertThat(event.objectKind()).isEqualTo("module");
        assertThat(event.moduleId()).isEqualTo(M);
        assertThat(event.durationMs()).isEqualTo(3_720_000);
    }

    @Test
    void aCmi5UnitBelongsToTheModuleOfItsPublisherId() {
        String context = "{\"contextActivities\":{\"grouping\":[{\"id\":\"" + M + "/units/module\"}]},"
                + "\"extensions\":{\"urn:pelita:xapi:extension:module-version\":\"1\"}}";
        LearningEvent event = of("completed", activity("https://lms.example.org/au/8812"), context, null).orElseThrow();

        assertThat(event.moduleId()).isEqualTo(M);
        assertThat(event.objectKind()).isEqualTo("unit");
    }

    @Test
    void anLmsLaunchCountsWithoutTheModuleVersion() {
        assertThat(of("launched", activity(M), null, null)).isPresent();
    }

    @Test
    void statementsOfOtherContentOrVerbsAreNotRead() {
        assertThat(of("experienced", activity("https://example.org/course"), "{\"language\":\"en\"}", null)).isEmpty();
        assertThat(of("voided", "{\"objectType\":\"StatementRef\",\"id\":\"6f1b2b9e-0d8c-4b7a-9a51-2f5d5c1e0a12\"}", context(""), null))
                .isEmpty();
        assertThat(of("attempted", activity(M), context(""), null)).isEmpty();
    }

    @Test
    void aYearOrMonthIsNotATimeOnTask() {
        assertThat(LearningEvents.millis("P1Y")).isNull();
        assertThat(LearningEvents.millis("P1DT1S")).isEqualTo(86_401_000L);
    }
}
