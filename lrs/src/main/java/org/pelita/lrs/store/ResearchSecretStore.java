package org.pelita.lrs.store;

import static org.pelita.lrs.store.jooq.Tables.RESEARCH_SECRET;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * The per-database key of the research pseudonyms: 32 random bytes in the one row of research_secret, created on
 * first need. Creation inserts the row only if it is absent and then reads whatever is stored, so LRS processes that
 * create it at the same time on one PostgreSQL database all end up with the same key. It never changes afterwards,
 * so each process keeps it once read.
 */
public final class ResearchSecretStore {
    private static final int ROW = 1;
    private static final int BYTES = 32;

    private final Database database;
    private volatile byte[] secret;

    public ResearchSecretStore(Database database) {
        this.database = database;
    }

    /** The key, created (durably) if the database has none yet. */
    public byte[] secret() {
        byte[] known = secret;
        if (known != null) {
            return known.clone();
        }
        Optional<byte[]> stored = existing();
        if (stored.isEmpty()) {
            byte[] fresh = new byte[BYTES];
            new SecureRandom().nextBytes(fresh);
            try {
                database.write(tx -> tx.dsl().insertInto(RESEARCH_SECRET).set(RESEARCH_SECRET.ID, ROW).set(RESEARCH_SECRET.SECRET, fresh)
                        .set(RESEARCH_SECRET.CREATED, OffsetDateTime.now(ZoneOffset.UTC)).onDuplicateKeyIgnore().execute());
            } catch (IntegrityConstraintViolationException e) {
                // H2's MERGE can still collide with another connection's insert: that one's secret is the secret.
            }
            stored = existing();
        }
        secret = stored.orElseThrow(() -> new IllegalStateException("the research secret was stored but cannot be read"));
        return secret.clone();
    }

    /** The key if the database has one, without creating it (a learner never exported has no pseudonym to report). */
    public Optional<byte[]> existing() {
        byte[] known = secret;
        if (known != null) {
            return Optional.of(known.clone());
        }
        return database.sql().select(RESEARCH_SECRET.SECRET).from(RESEARCH_SECRET).where(RESEARCH_SECRET.ID.eq(ROW))
                .fetchOptional(r -> r.value1());
    }
}
