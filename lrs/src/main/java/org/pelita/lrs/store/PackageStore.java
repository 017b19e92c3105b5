package org.pelita.lrs.store;

import static org.pelita.lrs.store.jooq.Tables.PACKAGE_CHUNK;
import static org.pelita.lrs.store.jooq.Tables.PACKAGE_FILE;
import static org.pelita.lrs.store.jooq.Tables.PACKAGE_RELEASE;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.Enumeration;
import java.util.NoSuchElementException;
import java.util.List;
import java.util.Optional;
import org.jooq.Record;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * Published releases and their packages (tables package_release and package_file, V4). Writes are durable when they
 * return, as every write of the LRS. Knows SQL, not which release is the latest or who may publish.
 */
public final class PackageStore {
    /** The most bytes of a package in one row of package_chunk. */
    public static final int CHUNK = 1024 * 1024;

    private final Database database;

    public PackageStore(Database database) {
        this.database = database;
    }

    /**
     * Begins publishing a release: its row (incomplete) and its packages' rows, in one transaction. The bytes follow
     * with {@link #writeChunks}, then {@link #complete}.
     *
     * @return false if the release was already there (perhaps claimed by another process at the same moment): nothing written
     */
    public boolean claim(StoredRelease release, List<StoredPackage> packages) {
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
                        .set(PACKAGE_RELEASE.COMPLETE, false)
                        .onDuplicateKeyIgnore()
                        .execute();
                if (inserted == 0) {
                    return false;
                }
                for (StoredPackage p : packages) {
                    tx.dsl().insertInto(PACKAGE_FILE)
                            .set(PACKAGE_FILE.MODULE_ID, p.module())
                            .set(PACKAGE_FILE.VERSION, p.version())
                            .set(PACKAGE_FILE.TARGET, p.target())
                            .set(PACKAGE_FILE.LANGUAGE, p.language())
                            .set(PACKAGE_FILE.FILE_NAME, p.fileName())
                            .set(PACKAGE_FILE.BYTE_SIZE, p.size())
                            .set(PACKAGE_FILE.SHA256, p.sha256())
                            .execute();
                }
                return true;
            });
        } catch (IntegrityConstraintViolationException e) {
            return false; // H2's MERGE can still collide with another connection's insert of the same release
        }
    }

    /** Makes a claimed release readable, once all its packages' chunks are written. */
    public void complete(String module, String version, OffsetDateTime now) {
        database.write(tx -> tx.dsl().update(PACKAGE_RELEASE)
                .set(PACKAGE_RELEASE.COMPLETE, true)
                .set(PACKAGE_RELEASE.CHANGED, now)
                .where(PACKAGE_RELEASE.MODULE_ID.eq(module), PACKAGE_RELEASE.VERSION.eq(version))
                .execute());
    }

    /** Deletes an incomplete release with what was written of it (a failed or abandoned publication); never a complete one. */
    public void discardIncomplete(String module, String version) {
        database.write(tx -> tx.dsl().deleteFrom(PACKAGE_RELEASE)
                .where(PACKAGE_RELEASE.MODULE_ID.eq(module), PACKAGE_RELEASE.VERSION.eq(version), PACKAGE_RELEASE.COMPLETE.isFalse())
                .execute());
    }

    /**
     * Writes a package's bytes as chunks of {@link #CHUNK} bytes, reading its source once, each chunk in a transaction of
     * its own: H2 holds a transaction's writes in memory until it commits, and a whole release in one transaction took
     * H2 down with an OutOfMemoryError (docs/packages.md, "Limits").
     */
    public void writeChunks(NewPackageFile file) {
        StoredPackage p = file.metadata();
        try (InputStream in = file.content().open()) {
            for (int seq = 0; ; seq++) {
                byte[] chunk = in.readNBytes(CHUNK);
                if (chunk.length == 0 && seq > 0) {
                    return;
                }
                int at = seq;
                database.write(tx -> tx.dsl().insertInto(PACKAGE_CHUNK)
                        .set(PACKAGE_CHUNK.MODULE_ID, p.module())
                        .set(PACKAGE_CHUNK.VERSION, p.version())
                        .set(PACKAGE_CHUNK.TARGET, p.target())
                        .set(PACKAGE_CHUNK.LANGUAGE, p.language())
                        .set(PACKAGE_CHUNK.SEQ, at)
                        .set(PACKAGE_CHUNK.BYTES, chunk)
                        .execute());
                if (chunk.length < CHUNK) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p.fileName() + " to store it", e);
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

    /** A release in whatever state, complete or not (publishing decides what to do with an incomplete one). */
    public Optional<StoredRelease> release(String module, String version) {
        return database.sql().selectFrom(PACKAGE_RELEASE)
                .where(PACKAGE_RELEASE.MODULE_ID.eq(module), PACKAGE_RELEASE.VERSION.eq(version))
                .fetchOptional(PackageStore::release);
    }

    /** Every complete release of a module, withdrawn ones too, in no particular order. */
    public List<StoredRelease> releases(String module) {
        return database.sql().selectFrom(PACKAGE_RELEASE).where(PACKAGE_RELEASE.MODULE_ID.eq(module), PACKAGE_RELEASE.COMPLETE.isTrue())
                .fetch(PackageStore::release);
    }

    /** The ids of the modules with at least one complete release, sorted. */
    public List<String> modules() {
        return database.sql().selectDistinct(PACKAGE_RELEASE.MODULE_ID).from(PACKAGE_RELEASE).where(PACKAGE_RELEASE.COMPLETE.isTrue())
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

    /**
     * One package's bytes as a stream that reads one chunk from the database at a time, when it is needed: memory holds
     * at most one chunk of a package being sent, however large the package.
     */
    public InputStream content(StoredPackage p) {
        Enumeration<InputStream> chunks = new Enumeration<>() {
            private int seq;
            private byte[] next = chunk(seq);

            @Override
            public boolean hasMoreElements() {
                return next != null;
            }

            @Override
            public InputStream nextElement() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                InputStream current = new ByteArrayInputStream(next);
                next = chunk(++seq);
                return current;
            }

            private byte[] chunk(int at) {
                return database.sql().select(PACKAGE_CHUNK.BYTES).from(PACKAGE_CHUNK)
                        .where(PACKAGE_CHUNK.MODULE_ID.eq(p.module()), PACKAGE_CHUNK.VERSION.eq(p.version()),
                                PACKAGE_CHUNK.TARGET.eq(p.target()), PACKAGE_CHUNK.LANGUAGE.eq(p.language()), PACKAGE_CHUNK.SEQ.eq(at))
                        .fetchOptional(r -> r.value1()).orElse(null);
            }
        };
        return new SequenceInputStream(chunks);
    }

    private static StoredRelease release(Record r) {
        return new StoredRelease(r.get(PACKAGE_RELEASE.MODULE_ID), r.get(PACKAGE_RELEASE.VERSION), r.get(PACKAGE_RELEASE.MANIFEST),
                Optional.ofNullable(r.get(PACKAGE_RELEASE.NOTES)), r.get(PACKAGE_RELEASE.PUBLISHED), r.get(PACKAGE_RELEASE.PUBLISHED_BY),
                Optional.ofNullable(r.get(PACKAGE_RELEASE.WITHDRAWN)), r.get(PACKAGE_RELEASE.CHANGED), r.get(PACKAGE_RELEASE.COMPLETE));
    }

    private static StoredPackage metadata(Record r) {
        return new StoredPackage(r.get(PACKAGE_FILE.MODULE_ID), r.get(PACKAGE_FILE.VERSION), r.get(PACKAGE_FILE.TARGET),
                r.get(PACKAGE_FILE.LANGUAGE), r.get(PACKAGE_FILE.FILE_NAME), r.get(PACKAGE_FILE.BYTE_SIZE), r.get(PACKAGE_FILE.SHA256));
    }
}
