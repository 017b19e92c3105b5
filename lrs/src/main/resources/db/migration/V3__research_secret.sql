-- The key of the research pseudonyms (docs/research-data.md): one row (id 1) holding 32 random bytes, made by the
-- first LRS process that needs it. Processes insert it if absent, then read it, so two processes sharing a PostgreSQL
-- database that start at once agree on it. Pseudonyms are HMAC-SHA-256 of agent identifiers under this key: replacing
-- or losing it changes every pseudonym, and whoever holds it can test guesses of identities against pseudonyms.
CREATE TABLE research_secret (
    id             INTEGER PRIMARY KEY,
    secret         BYTEA NOT NULL,
    created        TIMESTAMP WITH TIME ZONE NOT NULL
);
