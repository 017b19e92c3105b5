package org.pelita.lrs.store;

import static org.pelita.lrs.store.jooq.Tables.PACKAGE_FILE;
import static org.pelita.lrs.store.jooq.Tables.PACKAGE_RELEASE;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.Record;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * Published releases and their packages (tables package_release and package_file, V4). Writes are durable when they
 * return, as every write of the LRS. Knows SQL, not which release is the latest or who may publish.
 */
public final class PackageStore {
    private final Database database;

    public PackageStore(Database database) {
        this.database = database;
    }

    /**
     * Stores a release with its packages in one transaction.
     *
     * @return false if the release was already there (perhaps published by another process at the same moment): nothing written
     */
    public boolean insert(StoredRelease release, List<NewPackageFile> files) {
        try {
            return database.write(tx -> {
                int inserted = tx.dsl().insertInto(PACKAGE_RELEASE)
                        .set(PACKAGE_RELEASE.MODULE_ID, release.module())
                        .set(PACKAGE_RELEASE.VERSION, release.version())
                        .set(PACKAGE_RELEASE.MANIFEST, release.manifest())
                        .set(PACKAGE_RELEASE.NOTES, release.notes().orElse(null))
                        .set(PACKAGE_RELEASE.PUBLISHED, release.published())
                        .set(PACKAGE_RELEASE.PUBLISHED_BY, release.publishedBy())
                        .set(PACKAGE_RELEASE.CHANGED, release.published())
                        .onDuplicateKeyIgnore()
                        .execute();
                if (inserted == 0) {
                    return false;
                }
                for (NewPackageFile file : files) {
                    StoredPackage p = file.metadata();
                    tx.dsl().insertInto(PACKAGE_FILE)
                            .set(PACKAGE_FILE.MODULE_ID, p.module())
                            .set(PACKAGE_FILE.VERSION, p.version())
                            .set(PACKAGE_FILE.TARGET, p.target())
                            .set(PACKAGE_FILE.LANGUAGE, p.language())
                            .set(PACKAGE_FILE.FILE_NAME, p.fileName())
                            .set(PACKAGE_FILE.BYTE_SIZE, p.size())
                            .set(PACKAGE_FILE.SHA256, p.sha256())
                            .set(PACKAGE_FILE.CONTENT, file.content())
                            .execute();
                }
                return true;
            });
        } catch (IntegrityConstraintViolationException e) {
            return false; // H2's MERGE can still collide with another connection's insert of the same release
        }
    }

    /** Withdraws a release (withdrawn = the time) or brings it back (empty); its packages stay stored either way. */
    public void setWithdrawn(String module, String version, Optional<OffsetDateTime> withdrawn, OffsetDateTime now) {
        database.write(tx -> tx.dsl().update(PACKAGE_RELEASE)
                .set(PACKAGE_RELEASE.WITHDRAWN, withdrawn.orElse(null))
                .set(PACKAGE_RELEASE.CHANGED, now)
                .where(PACKAGE_RELEASE.MODULE_ID.eq(module), PACKAGE_RELEASE.VERSION.eq(version))
                .execute());
    }

    public Optional<StoredRelease> release(String module, String version) {
        return database.sql().selectFrom(PACKAGE_RELEASE)
                .where(PACKAGE_RELEASE.MODULE_ID.eq(module), PACKAGE_RELEASE.VERSION.eq(version))
                .fetchOptional(PackageStore::release);
    }

    /** Every release of a module, withdrawn ones too, in no particular order. */
    public List<StoredRelease> releases(String module) {
        return database.sql().selectFrom(PACKAGE_RELEASE).where(PACKAGE_RELEASE.MODULE_ID.eq(module)).fetch(PackageStore::release);
    }

    /** The ids of the modules with at least one release, sorted. */
    public List<String> modules() {
        return database.sql().selectDistinct(PACKAGE_RELEASE.MODULE_ID).from(PACKAGE_RELEASE)
                .orderBy(PACKAGE_RELEASE.MODULE_ID).fetch(PACKAGE_RELEASE.MODULE_ID);
    }

    /** A release's packages (without their bytes), by target and language. */
    public List<StoredPackage> packages(String module, String version) {
        return database.sql().select(PACKAGE_FILE.MODULE_ID, PACKAGE_FILE.VERSION, PACKAGE_FILE.TARGET, PACKAGE_FILE.LANGUAGE,
                        PACKAGE_FILE.FILE_NAME, PACKAGE_FILE.BYTE_SIZE, PACKAGE_FILE.SHA256)
                .from(PACKAGE_FILE)
                .where(PACKAGE_FILE.MODULE_ID.eq(module), PACKAGE_FILE.VERSION.eq(version))
                .orderBy(PACKAGE_FILE.TARGET, PACKAGE_FILE.LANGUAGE)
                .fetch(PackageStore::metadata);
    }

    /** One package's bytes. */
    public Optional<byte[]> content(String module, String version, String target, String language) {
        return database.sql().select(PACKAGE_FILE.CONTENT).from(PACKAGE_FILE)
                .where(PACKAGE_FILE.MODULE_ID.eq(module), PACKAGE_FILE.VERSION.eq(version), PACKAGE_FILE.TARGET.eq(target),
                        PACKAGE_FILE.LANGUAGE.eq(language))
                .fetchOptional(r -> r.value1());
    }

    private static StoredRelease release(Record r) {
        return new StoredRelease(r.get(PACKAGE_RELEASE.MODULE_ID), r.get(PACKAGE_RELEASE.VERSION), r.get(PACKAGE_RELEASE.MANIFEST),
                Optional.ofNullable(r.get(PACKAGE_RELEASE.NOTES)), r.get(PACKAGE_RELEASE.PUBLISHED), r.get(PACKAGE_RELEASE.PUBLISHED_BY),
                Optional.ofNullable(r.get(PACKAGE_RELEASE.WITHDRAWN)), r.get(PACKAGE_RELEASE.CHANGED));
    }

    private static StoredPackage metadata(Record r) {
        return new StoredPackage(r.get(PACKAGE_FILE.MODULE_ID), r.get(PACKAGE_FILE.VERSION), r.get(PACKAGE_FILE.TARGET),
                r.get(PACKAGE_FILE.LANGUAGE), r.get(PACKAGE_FILE.FILE_NAME), r.get(PACKAGE_FILE.BYTE_SIZE), r.get(PACKAGE_FILE.SHA256));
    }
}
