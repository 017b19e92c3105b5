-- Released packages the LRS publishes at stable URLs for LMSs to download and update from (docs/packages.md).
-- A published release never changes: its files are written once. Withdrawing one takes it out of `latest` and makes
-- its URLs answer 410 Gone, but keeps its row and bytes, so publishing the same release again brings it back and
-- other content under its version is still refused.
CREATE TABLE package_release (
    module_id      VARCHAR(128) NOT NULL,
    version        VARCHAR(64) NOT NULL,
    manifest       TEXT NOT NULL,
    notes          TEXT,
    published      TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by   VARCHAR(255) NOT NULL,
    withdrawn      TIMESTAMP WITH TIME ZONE,
    -- The last time this release was published, withdrawn or brought back: what `latest` answers may have changed then.
    changed        TIMESTAMP WITH TIME ZONE NOT NULL,
    -- False while its packages are being written, a chunk per transaction (H2 holds a transaction in memory until it
    -- commits: a whole release in one took H2 down); nothing reads an incomplete release.
    complete       BOOLEAN NOT NULL,
    PRIMARY KEY (module_id, version)
);

-- One package of a release. language is the package's one language, or "all" for a package with all of them (web).
CREATE TABLE package_file (
    module_id      VARCHAR(128) NOT NULL,
    version        VARCHAR(64) NOT NULL,
    target         VARCHAR(32) NOT NULL,
    language       VARCHAR(35) NOT NULL,
    file_name      VARCHAR(255) NOT NULL,
    byte_size      BIGINT NOT NULL,
    sha256         VARCHAR(64) NOT NULL,
    PRIMARY KEY (module_id, version, target, language),
    FOREIGN KEY (module_id, version) REFERENCES package_release (module_id, version) ON DELETE CASCADE
);

-- A package's bytes in chunks of at most 1 MiB, in order of seq from 0, each written in a transaction of its own; a
-- download reads one chunk at a time, so a large package (video) is never held in memory whole (PostgreSQL's driver
-- reads a bytea value whole).
CREATE TABLE package_chunk (
    module_id      VARCHAR(128) NOT NULL,
    version        VARCHAR(64) NOT NULL,
    target         VARCHAR(32) NOT NULL,
    language       VARCHAR(35) NOT NULL,
    seq            INTEGER NOT NULL,
    bytes          BYTEA NOT NULL,
    PRIMARY KEY (module_id, version, target, language, seq),
    FOREIGN KEY (module_id, version, target, language) REFERENCES package_file (module_id, version, target, language) ON DELETE CASCADE
);
