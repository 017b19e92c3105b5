package org.pelita.lrs.store;

import static org.pelita.lrs.store.jooq.Tables.LEARNING_EVENT;
import static org.pelita.lrs.store.jooq.Tables.RESEARCH_ACTIVITY;

import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import org.jooq.DSLContext;

/**
 * The learning_event rows of one transaction, and the research_activity ids they name: written by the statement writer
 * with each group of statements, and by {@link ReportStore#rebuild} for statements stored before there were reports.
 */
final class LearningEventRows {
    private final DSLContext tx;
    private final RowBatch rows;
    private final Predicate<String> known;
    /** In id order, so that concurrent writers (PostgreSQL) take the rows' locks in one order. */
    private final Set<String> activities = new TreeSet<>();

    /** @param known activity ids this process knows research_activity already holds */
    LearningEventRows(DSLContext tx, Predicate<String> known) {
        this.tx = tx;
        this.known = known;
        var e = LEARNING_EVENT;
        this.rows = new RowBatch(tx, tx.insertInto(e, e.STATEMENT_ID, e.EVENT_TIME, e.LEARNER_KEY, e.VERB, e.OBJECT_KIND, e.MODULE_KEY,
                e.OBJECT_KEY, e.PARENT_KEY, e.MODULE_VERSION, e.LANGUAGE, e.REGISTRATION, e.ORGANISATION, e.COUNTRY, e.QUIZ_KIND,
                e.SUCCESS, e.SCORE_SCALED, e.RESPONSE, e.DURATION_MS)
                .values((UUID) null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null), 18);
    }

    void add(UUID statement, LearningEvent e) {
        rows.add(statement, e.eventTime(), e.learnerKey(), e.verb(), e.objectKind(), ReportStore.activityKey(e.moduleId()),
                ReportStore.activityKey(e.objectId()), e.parentId() == null ? null : ReportStore.activityKey(e.parentId()),
                e.moduleVersion(), e.language(), e.registration(), e.organisation(), e.country(), e.quizKind(), e.success(),
                e.scoreScaled(), e.response(), e.durationMs());
        for (String id : new String[] {e.moduleId(), e.objectId(), e.parentId()}) {
            if (id != null && !known.test(id)) {
                activities.add(id);
            }
        }
    }

    /** Writes the rows and the activity ids not yet stored; returns the ids it wrote, for the caller to remember after commit. */
    Set<String> execute() {
        rows.execute();
        for (String id : activities) {
            tx.insertInto(RESEARCH_ACTIVITY, RESEARCH_ACTIVITY.ACTIVITY_KEY, RESEARCH_ACTIVITY.ACTIVITY_ID)
                    .values(ReportStore.activityKey(id), id).onDuplicateKeyIgnore().execute();
        }
        return Set.copyOf(activities);
    }
}
