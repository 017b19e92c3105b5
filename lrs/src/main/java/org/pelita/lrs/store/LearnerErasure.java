package org.pelita.lrs.store;

import static org.pelita.lrs.store.jooq.Tables.ATTACHMENT;
import static org.pelita.lrs.store.jooq.Tables.DOCUMENT;
import static org.pelita.lrs.store.jooq.Tables.STATEMENT;
import static org.pelita.lrs.store.jooq.Tables.STATEMENT_ATTACHMENT;
import static org.pelita.lrs.store.jooq.Tables.LEARNING_EVENT;
import static org.pelita.lrs.store.jooq.Tables.STATEMENT_KEY;
import static org.pelita.lrs.store.jooq.Tables.STATEMENT_REFERENCE;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Erases one learner (docs/research-data.md "Erasing a learner"), in one transaction: every statement that has the
 * learner's agent key, direct or related (the actor, an object agent, a group member, a context agent; and every
 * statement that refers to one of those through a StatementRef, voiding ones included, because the writer gives a
 * referring statement its target's keys), voided or not; their key, reference and attachment rows; attachment contents
 * no statement uses any more; and the learner's state and agent profile documents (document.agent_key).
 */
public final class LearnerErasure {
    /** Ids per IN list: each list costs one pass over statement_key, which has no index by statement id. */
    private static final int CHUNK = 5_000;

    /** What was (or, in a dry run, would be) removed. {@code statementIds}: the erased statements, in no particular order. */
    public record Removed(List<UUID> statementIds, int statementKeys, int learningEvents, int statementReferences, int attachmentLinks, int attachments,
                          int stateDocuments, int agentProfileDocuments) {
        public Removed {
            statementIds = List.copyOf(statementIds);
        }

        public int statements() {
            return statementIds.size();
        }

        public boolean nothing() {
            return statementIds.isEmpty() && stateDocuments == 0 && agentProfileDocuments == 0;
        }
    }

    /** Ends a dry run's transaction with a rollback, carrying what it removed. */
    private static final class DryRun extends RuntimeException {
        private final transient Removed removed;

        DryRun(Removed removed) {
            super(null, null, false, false);
            this.removed = removed;
        }
    }

    private final Database database;

    public LearnerErasure(Database database) {
        this.database = database;
    }

    /**
     * @param statementKey the learner's key text in statements (the xAPI rules' StatementKeys.agent of its identifier)
     * @param agent        the learner's identifier (Agents.identifier), by which documents are kept
     * @param dryRun       count what would be removed, in a transaction that is rolled back
     */
    public Removed erase(String statementKey, String agent, boolean dryRun) {
        if (!dryRun) {
            return database.write(tx -> erase(tx.dsl(), statementKey, agent));
        }
        try {
            database.sql().transaction(tx -> {
                throw new DryRun(erase(tx.dsl(), statementKey, agent));
            });
        } catch (DryRun done) {
            return done.removed;
        }
        throw new IllegalStateException("a dry run must end in a rollback");
    }

    private static Removed erase(DSLContext tx, String statementKey, String agent) {
        List<UUID> ids = tx.selectDistinct(STATEMENT_KEY.STATEMENT_ID).from(STATEMENT_KEY)
                .where(STATEMENT_KEY.KEY_VALUE.eq(Keys.of(statementKey))).fetch(r -> r.value1());
        int keys = 0;
        int events = 0;
        int references = 0;
        int links = 0;
        Set<String> contents = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            List<UUID> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
            contents.addAll(tx.selectDistinct(STATEMENT_ATTACHMENT.SHA2).from(STATEMENT_ATTACHMENT)
                    .where(STATEMENT_ATTACHMENT.STATEMENT_ID.in(chunk)).fetch(r -> r.value1()));
            references += tx.deleteFrom(STATEMENT_REFERENCE)
                    .where(STATEMENT_REFERENCE.STATEMENT_ID.in(inline(chunk)).or(STATEMENT_REFERENCE.TARGET_ID.in(inline(chunk)))).execute();
            links += tx.deleteFrom(STATEMENT_ATTACHMENT).where(STATEMENT_ATTACHMENT.STATEMENT_ID.in(chunk)).execute();
            // Inlined: H2 checks a row against a list of constants through a hash set, against bound parameters one by one.
            keys += tx.deleteFrom(STATEMENT_KEY).where(STATEMENT_KEY.STATEMENT_ID.in(inline(chunk))).execute();
            events += tx.deleteFrom(LEARNING_EVENT).where(LEARNING_EVENT.STATEMENT_ID.in(chunk)).execute();
            tx.deleteFrom(STATEMENT).where(STATEMENT.ID.in(chunk)).execute();
        }
        int attachments = 0;
        for (String sha2 : contents) {
            attachments += tx.deleteFrom(ATTACHMENT).where(ATTACHMENT.SHA2.eq(sha2),
                    DSL.notExists(DSL.selectOne().from(STATEMENT_ATTACHMENT).where(STATEMENT_ATTACHMENT.SHA2.eq(sha2)))).execute();
        }
        UUID agentKey = Keys.of(agent);
        int state = tx.deleteFrom(DOCUMENT).where(DOCUMENT.KIND.eq(DocumentScope.STATE), DOCUMENT.AGENT_KEY.eq(agentKey)).execute();
        int profiles = tx.deleteFrom(DOCUMENT).where(DOCUMENT.KIND.eq(DocumentScope.AGENT_PROFILE), DOCUMENT.AGENT_KEY.eq(agentKey)).execute();
        return new Removed(ids, keys, events, references, links, attachments, state, profiles);
    }

    private static List<Field<UUID>> inline(List<UUID> ids) {
        List<Field<UUID>> values = new ArrayList<>(ids.size());
        ids.forEach(id -> values.add(DSL.inline(id)));
        return values;
    }
}
