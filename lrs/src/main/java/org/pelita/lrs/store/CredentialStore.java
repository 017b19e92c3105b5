package org.pelita.lrs.store;

import static org.pelita.lrs.store.jooq.Tables.CREDENTIAL;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/** API credentials: created, listed, revoked; looked up by key on every request. */
public final class CredentialStore {
    private final Database database;
    private final DSLContext sql;

    public CredentialStore(Database database) {
        this.database = database;
        this.sql = database.sql();
    }

    public Optional<StoredCredential> byKey(String key) {
        return sql.selectFrom(CREDENTIAL).where(CREDENTIAL.API_KEY.eq(key)).fetchOptional(CredentialStore::map);
    }

    public List<StoredCredential> all() {
        return sql.selectFrom(CREDENTIAL).orderBy(CREDENTIAL.ID).fetch(CredentialStore::map);
    }

    public boolean isEmpty() {
        return !sql.fetchExists(CREDENTIAL);
    }

    /** Stores a credential; false if the key is taken. */
    public boolean create(String key, String secretHash, String scopes, Optional<String> activityPrefix, Optional<String> label) {
        return database.write(tx -> tx.dsl().insertInto(CREDENTIAL)
                .set(CREDENTIAL.API_KEY, key)
                .set(CREDENTIAL.SECRET_HASH, secretHash)
                .set(CREDENTIAL.SCOPES, scopes)
                .set(CREDENTIAL.ACTIVITY_PREFIX, activityPrefix.orElse(null))
                .set(CREDENTIAL.LABEL, label.orElse(null))
                .set(CREDENTIAL.CREATED, OffsetDateTime.now(ZoneOffset.UTC))
                // Name the key: H2 has no ON CONFLICT, and jOOQ's MERGE emulation of a bare "ignore duplicates"
                // matches on the primary key (id), so a taken api_key failed instead of being ignored.
                .onConflict(CREDENTIAL.API_KEY).doNothing()
                .execute() == 1);
    }

    /** Revokes a credential; false if there is no such live key. */
    public boolean revoke(String key) {
        return database.write(tx -> tx.dsl().update(CREDENTIAL).set(CREDENTIAL.REVOKED, OffsetDateTime.now(ZoneOffset.UTC))
                .where(CREDENTIAL.API_KEY.eq(key), CREDENTIAL.REVOKED.isNull()).execute() == 1);
    }

    private static StoredCredential map(Record r) {
        return new StoredCredential(r.get(CREDENTIAL.ID), r.get(CREDENTIAL.API_KEY), r.get(CREDENTIAL.SECRET_HASH),
                r.get(CREDENTIAL.SCOPES), Optional.ofNullable(r.get(CREDENTIAL.ACTIVITY_PREFIX)),
                Optional.ofNullable(r.get(CREDENTIAL.LABEL)), r.get(CREDENTIAL.CREATED), Optional.ofNullable(r.get(CREDENTIAL.REVOKED)));
    }
}
