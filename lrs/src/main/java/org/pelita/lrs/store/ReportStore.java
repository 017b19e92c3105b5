package org.pelita.lrs.store;

import static org.pelita.lrs.store.jooq.Tables.ACTIVITY;
import static org.pelita.lrs.store.jooq.Tables.LEARNING_EVENT;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The queries behind the research reports: rows of learning_event (one per statement Pelita's reports read), filtered and
 * aggregated in the database where SQL does it well (distinct learners per stage), otherwise returned as narrow rows in
 * time order for the statistics (first attempts, item analysis), which are the reports' own.
 */
public final class ReportStore {
    private final DSLContext sql;

    public ReportStore(Database database) {
        this.sql = database.sql();
    }

    /** The key a module's rows are indexed by. */
    static UUID moduleKey(String moduleId) {
        return Keys.of("module:" + moduleId);
    }

    /** Learners of a module version in a language. */
    public record ModuleUse(String module, String version, String language, int learners) {
    }

    /** Distinct learners per module and verb, for statements about the module itself (launched by the LMS, or any unit). */
    public record Stage(String module, String verb, int learners) {
    }

    /** How many distinct pages of a lesson one learner has seen. */
    public record LessonVisit(String module, String lesson, UUID learner, int pages) {
    }

    /** A submitted quiz. */
    public record QuizSubmission(String module, String quiz, String kind, UUID learner, OffsetDateTime time, Double score) {
    }

    /** An answered question. */
    public record Answer(String question, UUID learner, OffsetDateTime time, Boolean success, String response) {
    }

    /** A visit to a module that ended (terminated), with its duration. */
    public record Session(String module, UUID learner, long durationMs) {
    }

    public List<ModuleUse> modules(ReportFilter filter) {
        var e = LEARNING_EVENT;
        return sql.select(e.MODULE_ID, e.MODULE_VERSION, e.LANGUAGE, DSL.countDistinct(e.LEARNER_KEY))
                .from(e).where(conditions(filter))
                .groupBy(e.MODULE_ID, e.MODULE_VERSION, e.LANGUAGE)
                .fetch(r -> new ModuleUse(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Distinct learners per module, with any statement. */
    public Map<String, Integer> learners(ReportFilter filter) {
        var e = LEARNING_EVENT;
        Map<String, Integer> learners = new HashMap<>();
        sql.select(e.MODULE_ID, DSL.countDistinct(e.LEARNER_KEY)).from(e).where(conditions(filter)).groupBy(e.MODULE_ID)
                .forEach(r -> learners.put(r.value1(), r.value2()));
        return learners;
    }

    public List<Stage> stages(ReportFilter filter) {
        var e = LEARNING_EVENT;
        List<Condition> where = conditions(filter);
        where.add(e.VERB.eq("launched").or(e.OBJECT_KIND.eq("module").and(e.VERB.in("initialized", "completed", "passed", "failed"))));
        // The LMS's launched (cmi5) and the content's initialized are one stage: the learner opened the module.
        // Inlined literals: PostgreSQL matches the grouped expression to the selected one only when they are the same text.
        var stage = DSL.when(e.VERB.eq(DSL.inline("initialized")), DSL.inline("launched")).otherwise(e.VERB);
        return sql.select(e.MODULE_ID, stage, DSL.countDistinct(e.LEARNER_KEY))
                .from(e).where(where)
                .groupBy(e.MODULE_ID, stage)
                .fetch(r -> new Stage(r.value1(), r.value2(), r.value3()));
    }

    public List<LessonVisit> lessonVisits(ReportFilter filter) {
        var e = LEARNING_EVENT;
        List<Condition> where = conditions(filter);
        where.add(e.VERB.eq("experienced"));
        where.add(e.OBJECT_KIND.eq("page"));
        where.add(e.PARENT_ID.isNotNull());
        return sql.select(e.MODULE_ID, e.PARENT_ID, e.LEARNER_KEY, DSL.countDistinct(e.OBJECT_ID))
                .from(e).where(where)
                .groupBy(e.MODULE_ID, e.PARENT_ID, e.LEARNER_KEY)
                .fetch(r -> new LessonVisit(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Every quiz submission (pre-test completed, post-test passed, failed or completed), oldest first. */
    public List<QuizSubmission> quizSubmissions(ReportFilter filter) {
        var e = LEARNING_EVENT;
        List<Condition> where = conditions(filter);
        where.add(e.VERB.in("completed", "passed", "failed"));
        where.add(e.OBJECT_KIND.eq("quiz"));
        return sql.select(e.MODULE_ID, e.OBJECT_ID, e.QUIZ_KIND, e.LEARNER_KEY, e.EVENT_TIME, e.SCORE_SCALED)
                .from(e).where(where)
                .orderBy(e.EVENT_TIME, e.STATEMENT_ID)
                .fetch(r -> new QuizSubmission(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    /** The answers to the questions of one quiz, oldest first. */
    public List<Answer> answers(ReportFilter filter, String quiz) {
        var e = LEARNING_EVENT;
        List<Condition> where = conditions(filter);
        where.add(e.VERB.eq("answered"));
        where.add(e.OBJECT_KIND.eq("question"));
        where.add(e.PARENT_ID.eq(quiz));
        return sql.select(e.OBJECT_ID, e.LEARNER_KEY, e.EVENT_TIME, e.SUCCESS, e.RESPONSE)
                .from(e).where(where)
                .orderBy(e.EVENT_TIME, e.STATEMENT_ID)
                .fetch(r -> new Answer(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    public List<Session> sessions(ReportFilter filter) {
        var e = LEARNING_EVENT;
        List<Condition> where = conditions(filter);
        where.add(e.VERB.eq("terminated"));
        where.add(e.OBJECT_KIND.eq("module"));
        where.add(e.DURATION_MS.isNotNull());
        return sql.select(e.MODULE_ID, e.LEARNER_KEY, e.DURATION_MS)
                .from(e).where(where)
                .fetch(r -> new Session(r.value1(), r.value2(), r.value3()));
    }

    /** The canonical Activity JSON of each of these activity ids the LRS knows (for names, choices and correct answers). */
    public Map<String, String> activities(Collection<String> ids) {
        Map<String, String> found = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += 500) {
            List<UUID> keys = all.subList(i, Math.min(all.size(), i + 500)).stream().map(id -> Keys.of("activity:" + id)).toList();
            sql.select(ACTIVITY.ACTIVITY_ID, ACTIVITY.BODY).from(ACTIVITY).where(ACTIVITY.ACTIVITY_KEY.in(keys))
                    .forEach(r -> found.put(r.value1(), r.value2()));
        }
        return found;
    }

    private static List<Condition> conditions(ReportFilter filter) {
        var e = LEARNING_EVENT;
        List<Condition> where = new ArrayList<>();
        filter.module().ifPresent(m -> where.add(e.MODULE_KEY.eq(moduleKey(m))));
        filter.version().ifPresent(v -> where.add(e.MODULE_VERSION.eq(v)));
        filter.language().ifPresent(l -> where.add(e.LANGUAGE.eq(l)));
        filter.registration().ifPresent(r -> where.add(e.REGISTRATION.eq(r)));
        filter.organisation().ifPresent(o -> where.add(e.ORGANISATION.eq(o)));
        filter.country().ifPresent(c -> where.add(e.COUNTRY.eq(c)));
        filter.since().ifPresent(t -> where.add(e.EVENT_TIME.ge(t)));
        filter.until().ifPresent(t -> where.add(e.EVENT_TIME.lt(t)));
        return where;
    }
}
