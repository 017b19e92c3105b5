package org.pelita.lrs.store;

import static org.pelita.lrs.store.jooq.Tables.ACTIVITY;
import static org.pelita.lrs.store.jooq.Tables.LEARNING_EVENT;
import static org.pelita.lrs.store.jooq.Tables.RESEARCH_ACTIVITY;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final Database database;

    public ReportStore(Database database) {
        this.database = database;
        // H2: bind values without jOOQ's casts. H2 reads "verb IN (CAST(? AS VARCHAR))" by scanning the whole index, the
        // plain "verb IN (?)" as ranges of it (measured at 1M statements: 830 ms against 120 ms for the module list).
        // PostgreSQL needs the casts (jOOQ binds a timestamp there as text) and uses its indexes with them.
        this.sql = database.dialect() != org.jooq.SQLDialect.H2 ? database.sql() : DSL.using(database.sql().configuration().derive(
                ((org.jooq.conf.Settings) database.sql().settings().clone()).withParamCastMode(org.jooq.conf.ParamCastMode.NEVER)));
    }

    /** The key an activity has in learning_event and research_activity (the same as in statement_key). */
    static UUID activityKey(String activityId) {
        return Keys.of("activity:" + activityId);
    }

    /** Learners of a module version in a language. */
    public record ModuleUse(String module, String version, String language, int learners) {
    }

    /** Distinct learners of a module (of a module version, when counted by version; else version is null). */
    public record ModuleLearners(String module, String version, int learners) {
    }

    /**
     * Distinct learners per module and verb, for statements about the module itself (launched by the LMS, or any unit);
     * per module version when counted by version (else version is null).
     */
    public record Stage(String module, String version, String verb, int learners) {
    }

    /** How many distinct pages of a lesson one learner has seen (in one module version, when counted by version). */
    public record LessonVisit(String module, String version, String lesson, UUID learner, int pages) {
    }

    /** A submitted quiz. */
    public record QuizSubmission(String module, String version, String quiz, String kind, UUID learner, OffsetDateTime time, Double score) {
    }

    /** An answered question. */
    public record Answer(String question, String version, UUID learner, OffsetDateTime time, Boolean success, String response) {
    }

    /** A visit to a module that ended (terminated), with its duration. */
    public record Session(String module, String version, UUID learner, long durationMs) {
    }

    /** From launches (launched by an LMS, initialized by the content): every learner of a module has one. */
    public List<ModuleUse> modules(ReportFilter filter) {
        var e = LEARNING_EVENT;
        List<Condition> where = conditions(filter);
        where.add(e.VERB.in("launched", "initialized"));
        var rows = sql.select(e.MODULE_KEY, e.MODULE_VERSION, e.LANGUAGE, DSL.countDistinct(e.LEARNER_KEY))
                .from(e).where(where)
                .groupBy(e.MODULE_KEY, e.MODULE_VERSION, e.LANGUAGE).fetch();
        Ids ids = ids(rows.map(r -> r.value1()));
        return rows.map(r -> new ModuleUse(ids.of(r.value1()), r.value2(), r.value3(), r.value4()));
    }

    /**
     * Distinct learners per module who launched it; per module version with byVersion (statements without a version,
     * an LMS's launched, then count in none).
     */
    public List<ModuleLearners> learners(ReportFilter filter, boolean byVersion) {
        var e = LEARNING_EVENT;
        List<Condition> where = conditions(filter, byVersion);
        where.add(e.VERB.in("launched", "initialized"));
        var rows = sql.select(e.MODULE_KEY, version(byVersion), DSL.countDistinct(e.LEARNER_KEY)).from(e).where(where)
                .groupBy(groups(byVersion, e.MODULE_KEY)).fetch();
        Ids ids = ids(rows.map(r -> r.value1()));
        return rows.map(r -> new ModuleLearners(ids.of(r.value1()), r.value2(), r.value3()));
    }

    /** The stages of {@link #learners}: launched, completed, passed, failed. */
    public List<Stage> stages(ReportFilter filter, boolean byVersion) {
        var e = LEARNING_EVENT;
        List<Condition> where = conditions(filter, byVersion);
        where.add(e.VERB.in("launched", "initialized", "completed", "passed", "failed"));
        where.add(e.OBJECT_KIND.eq("module").or(e.VERB.eq("launched")));
        // The LMS's launched (cmi5) and the content's initialized are one stage: the learner opened the module. Inlined
        // literals: PostgreSQL matches the grouped expression to the selected one only when they are the same text.
        var stage = DSL.when(e.VERB.eq(DSL.inline("initialized")), DSL.inline("launched")).otherwise(e.VERB);
        var rows = sql.select(e.MODULE_KEY, version(byVersion), stage, DSL.countDistinct(e.LEARNER_KEY))
                .from(e).where(where)
                .groupBy(groups(byVersion, e.MODULE_KEY, stage)).fetch();
        Ids ids = ids(rows.map(r -> r.value1()));
        return rows.map(r -> new Stage(ids.of(r.value1()), r.value2(), r.value3(), r.value4()));
    }

    public List<LessonVisit> lessonVisits(ReportFilter filter, boolean byVersion) {
        var e = LEARNING_EVENT;
        List<Condition> where = conditions(filter, byVersion);
        where.add(e.VERB.eq("experienced"));
        where.add(e.OBJECT_KIND.eq("page"));
        where.add(e.PARENT_KEY.isNotNull());
        // The distinct pages, counted here: H2 groups by all four columns faster than it counts distinct pages per group
        // (at 1M statements, 324 ms against 526 ms).
        Map<List<Object>, Integer> pages = new HashMap<>();
        sql.select(e.MODULE_KEY, e.PARENT_KEY, e.LEARNER_KEY, version(byVersion)).from(e).where(where)
                .groupBy(groups(byVersion, e.MODULE_KEY, e.PARENT_KEY, e.LEARNER_KEY, e.OBJECT_KEY))
                .forEach(r -> pages.merge(java.util.Arrays.asList(r.value1(), r.value2(), r.value3(), r.value4()), 1, Integer::sum));
        Set<UUID> keys = new HashSet<>();
        pages.keySet().forEach(k -> {
            keys.add((UUID) k.get(0));
            keys.add((UUID) k.get(1));
        });
        Ids ids = ids(keys);
        List<LessonVisit> visits = new ArrayList<>();
        pages.forEach((k, n) -> visits.add(new LessonVisit(ids.of((UUID) k.get(0)), (String) k.get(3), ids.of((UUID) k.get(1)),
                (UUID) k.get(2), n)));
        return visits;
    }

    /** Every quiz submission (pre-test completed, post-test passed, failed or completed), oldest first. */
    public List<QuizSubmission> quizSubmissions(ReportFilter filter) {
        var e = LEARNING_EVENT;
        List<Condition> where = conditions(filter);
        where.add(e.VERB.in("completed", "passed", "failed"));
        where.add(e.OBJECT_KIND.eq("quiz"));
        var rows = sql.select(e.MODULE_KEY, e.OBJECT_KEY, e.QUIZ_KIND, e.LEARNER_KEY, e.EVENT_TIME, e.SCORE_SCALED, e.MODULE_VERSION)
                .from(e).where(where)
                .orderBy(e.EVENT_TIME, e.LEARNER_KEY, e.OBJECT_KEY).fetch(); // index columns only: no row is looked up
        Set<UUID> keys = new HashSet<>();
        rows.forEach(r -> {
            keys.add(r.value1());
            keys.add(r.value2());
        });
        Ids ids = ids(keys);
        return rows.map(r -> new QuizSubmission(ids.of(r.value1()), r.value7(), ids.of(r.value2()), r.value3(), r.value4(), r.value5(),
                r.value6()));
    }

    /** The answers to the questions of one quiz of a module, oldest first. */
    public List<Answer> answers(ReportFilter filter, String module, String quiz) {
        var e = LEARNING_EVENT;
        List<Condition> where = conditions(filter);
        where.add(e.VERB.eq("answered"));
        where.add(e.OBJECT_KIND.eq("question"));
        where.add(e.MODULE_KEY.eq(activityKey(module)));
        where.add(e.PARENT_KEY.eq(activityKey(quiz)));
        var rows = sql.select(e.OBJECT_KEY, e.LEARNER_KEY, e.EVENT_TIME, e.SUCCESS, e.RESPONSE, e.MODULE_VERSION)
                .from(e).where(where)
                .orderBy(e.EVENT_TIME, e.LEARNER_KEY, e.OBJECT_KEY).fetch(); // index columns only: no row is looked up
        Ids ids = ids(rows.map(r -> r.value1()));
        return rows.map(r -> new Answer(ids.of(r.value1()), r.value6(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    public List<Session> sessions(ReportFilter filter) {
        var e = LEARNING_EVENT;
        List<Condition> where = conditions(filter);
        where.add(e.VERB.eq("terminated"));
        where.add(e.OBJECT_KIND.eq("module"));
        where.add(e.DURATION_MS.isNotNull());
        var rows = sql.select(e.MODULE_KEY, e.LEARNER_KEY, e.DURATION_MS, e.MODULE_VERSION).from(e).where(where).fetch();
        Ids ids = ids(rows.map(r -> r.value1()));
        return rows.map(r -> new Session(ids.of(r.value1()), r.value4(), r.value2(), r.value3()));
    }

    /**
     * Writes the research rows of stored statements that have none (stored before the LRS had reports), a page of 1,000
     * at a time, newest first; returns how many it wrote. For a stopped LRS: a statement stored meanwhile would be
     * written twice and refused.
     *
     * @param eventOf what the reports read of a stored statement's body (research.LearningEvents)
     */
    public long rebuild(java.util.function.Function<String, java.util.Optional<LearningEvent>> eventOf) {
        var s = org.pelita.lrs.store.jooq.Tables.STATEMENT;
        long written = 0;
        org.jooq.Record2<OffsetDateTime, UUID> after = null;
        while (true) {
            List<Condition> where = new ArrayList<>();
            where.add(s.VOIDED.isFalse());
            where.add(DSL.notExists(DSL.selectOne().from(LEARNING_EVENT).where(LEARNING_EVENT.STATEMENT_ID.eq(s.ID))));
            if (after != null) {
                where.add(DSL.row(s.STORED, s.ID).lt(after.value1(), after.value2()));
            }
            var page = database.sql().select(s.STORED, s.ID, s.BODY).from(s).where(where).orderBy(s.STORED.desc(), s.ID.desc())
                    .limit(1_000).fetch();
            if (page.isEmpty()) {
                return written;
            }
            written += database.write(tx -> {
                LearningEventRows rows = new LearningEventRows(tx.dsl(), id -> false);
                int n = 0;
                for (var r : page) {
                    java.util.Optional<LearningEvent> event = eventOf.apply(r.value3());
                    if (event.isPresent()) {
                        rows.add(r.value2(), event.get());
                        n++;
                    }
                }
                rows.execute();
                return n;
            });
            var last = page.get(page.size() - 1);
            after = DSL.using(org.jooq.SQLDialect.DEFAULT).newRecord(s.STORED, s.ID).values(last.value1(), last.value2());
        }
    }

    /** Activity ids by key. */
    private record Ids(Map<UUID, String> byKey) {
        String of(UUID key) {
            String id = byKey.get(key);
            if (id == null) {
                throw new IllegalStateException("research_activity has no id for key " + key);
            }
            return id;
        }
    }

    private Ids ids(Collection<UUID> keys) {
        Map<UUID, String> ids = new HashMap<>();
        List<UUID> all = new ArrayList<>(new HashSet<>(keys));
        for (int i = 0; i < all.size(); i += 500) {
            sql.select(RESEARCH_ACTIVITY.ACTIVITY_KEY, RESEARCH_ACTIVITY.ACTIVITY_ID).from(RESEARCH_ACTIVITY)
                    .where(RESEARCH_ACTIVITY.ACTIVITY_KEY.in(all.subList(i, Math.min(all.size(), i + 500))))
                    .forEach(r -> ids.put(r.value1(), r.value2()));
        }
        return new Ids(ids);
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

    /** The module version, selected when counting by version (else null, and not grouped by). */
    private static org.jooq.Field<String> version(boolean byVersion) {
        return byVersion ? LEARNING_EVENT.MODULE_VERSION : DSL.inline((String) null, LEARNING_EVENT.MODULE_VERSION);
    }

    /** These columns to group by, and the module version when counting by version. */
    private static List<org.jooq.GroupField> groups(boolean byVersion, org.jooq.GroupField... fields) {
        List<org.jooq.GroupField> groups = new ArrayList<>(List.of(fields));
        if (byVersion) {
            groups.add(LEARNING_EVENT.MODULE_VERSION);
        }
        return groups;
    }

    /** The filters; counting by version, only statements that carry a version (an LMS's launched carries none). */
    private static List<Condition> conditions(ReportFilter filter, boolean byVersion) {
        List<Condition> where = conditions(filter);
        if (byVersion) {
            where.add(LEARNING_EVENT.MODULE_VERSION.isNotNull());
        }
        return where;
    }

    private static List<Condition> conditions(ReportFilter filter) {
        var e = LEARNING_EVENT;
        List<Condition> where = new ArrayList<>();
        filter.module().ifPresent(m -> where.add(e.MODULE_KEY.eq(activityKey(m))));
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
