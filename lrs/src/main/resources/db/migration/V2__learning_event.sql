-- Research facts: one narrow row for each stored statement that Pelita's reports read (docs/reports.md), taken from the
-- statement when it is stored (docs/xapi-profile.md says what Pelita's packages send). Reports aggregate these rows
-- instead of parsing statement bodies, which keeps each report within a second at a million statements. A voided
-- statement's row is deleted; the statement itself stays the record (this table can be rebuilt from it).
CREATE TABLE learning_event (
    statement_id   UUID PRIMARY KEY,
    event_time     TIMESTAMP WITH TIME ZONE NOT NULL,
    learner_key    UUID NOT NULL,
    verb           VARCHAR(16) NOT NULL,
    module_key     UUID NOT NULL,
    module_id      VARCHAR(2048) NOT NULL,
    module_version VARCHAR(64),
    language       VARCHAR(35),
    registration   UUID,
    organisation   VARCHAR(255),
    country        VARCHAR(64),
    object_kind    VARCHAR(12) NOT NULL,
    object_id      VARCHAR(2048) NOT NULL,
    parent_id      VARCHAR(2048),
    quiz_kind      VARCHAR(12),
    success        BOOLEAN,
    score_scaled   DOUBLE PRECISION,
    response       VARCHAR(4096),
    duration_ms    BIGINT
);
-- Every report reads one module's rows of some verbs (or all modules', grouped by module).
CREATE INDEX learning_event_by_module ON learning_event (module_key, verb, object_kind);
