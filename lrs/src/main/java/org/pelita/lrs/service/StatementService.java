package org.pelita.lrs.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.pelita.lrs.auth.Principal;
import org.pelita.lrs.research.LearningEvents;
import org.pelita.lrs.store.NewAttachment;
import org.pelita.lrs.store.NewStatement;
import org.pelita.lrs.store.StatementFilter;
import org.pelita.lrs.store.StatementStore;
import org.pelita.lrs.store.StatementWriter;
import org.pelita.lrs.store.StoredStatement;
import org.pelita.lrs.store.WriteOutcome;
import org.pelita.lrs.xapi.Agents;
import org.pelita.lrs.xapi.ConflictException;
import org.pelita.lrs.xapi.ForbiddenException;
import org.pelita.lrs.xapi.InvalidRequestException;
import org.pelita.lrs.xapi.Json;
import org.pelita.lrs.xapi.NotFoundException;
import org.pelita.lrs.xapi.StatementComparison;
import org.pelita.lrs.xapi.StatementFormat;
import org.pelita.lrs.xapi.StatementKeys;
import org.pelita.lrs.xapi.StatementNormalizer;
import org.pelita.lrs.xapi.StatementQuery;
import org.pelita.lrs.xapi.Times;
import org.pelita.lrs.xapi.XapiVersion;

/**
 * The Statement resource's rules: checks, what the LRS sets, immutability, voiding, rights, and queries.
 * Knows nothing of HTTP; the handlers pass it parsed requests.
 */
public final class StatementService {
    public static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(30);

    /** Every check of statements as received (rules, attachments, signatures): plugged in where the app is built. */
    @FunctionalInterface
    public interface Checks {
        void check(Received statements, XapiVersion version);
    }

    /** A page of statements: the exact JSON texts, and where the next page starts if there is one. */
    public record Page(List<String> statements, Optional<StatementFilter.Cursor> next, List<UUID> ids, boolean anyAttachments) {
    }

    private final StatementStore store;
    private final StatementWriter writer;
    private final Checks checks;
    private final Clock clock;
    private final Duration consistencyMargin;
    private final AtomicLong lastStoredMillis = new AtomicLong();

    public StatementService(StatementStore store, StatementWriter writer, Checks checks, Clock clock, Duration consistencyMargin) {
        this.store = store;
        this.writer = writer;
        this.checks = checks;
        this.clock = clock;
        this.consistencyMargin = consistencyMargin;
    }

    /** POST: one statement or an array of them, all stored or none. Returns their ids in order. */
    public List<UUID> post(Received received, Principal who, XapiVersion version) {
        requireWrite(who);
        JsonNode body = received.json();
        List<NewAttachment> attachments = received.attachments();
        if (!body.isObject() && !body.isArray()) {
            throw new InvalidRequestException("$", "the body must be a statement (a JSON object) or an array of statements");
        }
        if (body.isArray() && body.isEmpty()) {
            throw new InvalidRequestException("$", "the array of statements is empty");
        }
        checks.check(received, version);
        List<JsonNode> all = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(all::add);
        } else {
            all.add(body);
        }
        Set<UUID> seen = new HashSet<>();
        List<NewStatement> statements = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            String path = body.isArray() ? "$[" + i + "]" : "$";
            JsonNode statement = all.get(i);
            UUID id = statement.hasNonNull("id") ? UUID.fromString(statement.get("id").asText()) : UUID.randomUUID();
            if (!seen.add(id)) {
                throw new InvalidRequestException(path + ".id", "the batch has two statements with the id " + id
                        + " (xAPI 1.0.3 Communication §2.1.2)");
            }
            statements.add(prepare(statement, id, who, version, path, attachments));
        }
        write(statements, attachments);
        return statements.stream().map(NewStatement::id).toList();
    }

    /** PUT with statementId: the statement must carry that id or none. */
    public void put(UUID id, Received received, Principal who, XapiVersion version) {
        requireWrite(who);
        JsonNode body = received.json();
        List<NewAttachment> attachments = received.attachments();
        if (!body.isObject()) {
            throw new InvalidRequestException("$", "PUT takes one statement (a JSON object)");
        }
        if (body.hasNonNull("id") && !id.equals(UUID.fromString(body.get("id").asText()))) {
            throw new InvalidRequestException("$.id", "the statement's id " + body.get("id").asText()
                    + " differs from the statementId parameter " + id);
        }
        checks.check(received, version);
        write(List.of(prepare(body, id, who, version, "$", attachments)), attachments);
    }

    private void requireWrite(Principal who) {
        if (!who.canWriteStatements()) {
            throw new ForbiddenException("these credentials may not write statements (scope statements/write needed)");
        }
    }

    private NewStatement prepare(JsonNode received, UUID id, Principal who, XapiVersion version, String path,
                                 List<NewAttachment> attachments) {
        if (who.activityPrefix().isPresent()) {
            JsonNode object = received.path("object");
            String activity = object.path("objectType").asText("Activity").equals("Activity") ? object.path("id").asText("") : "";
            if (!underPrefix(activity, who.activityPrefix().get())) {
                throw new ForbiddenException(path + ".object: these credentials may only write statements about the activity "
                        + who.activityPrefix().get() + " and those under it (its id followed by /, # or ?)");
            }
        }
        OffsetDateTime stored = nextStored();
        ObjectNode statement = StatementNormalizer.normalize(received, id, Times.format(stored), who.authority(), version);
        JsonNode object = statement.path("object");
        boolean reference = "StatementRef".equals(object.path("objectType").asText());
        UUID target = reference ? UUID.fromString(object.path("id").asText()) : null;
        boolean voiding = VOIDED.equals(statement.path("verb").path("id").asText());
        if (voiding && !reference) {
            throw new InvalidRequestException(path + ".object", "a voiding statement's object must be a StatementRef (xAPI 1.0.3 Data §2.3.2)");
        }
        // Attachments whose content came with the request (not those given by fileUrl only) are kept with the statement,
        // a SubStatement's too. Parts carry their hash in lower case; a statement may write it in either (hex).
        Set<String> sent = new HashSet<>();
        attachments.forEach(a -> sent.add(a.sha2()));
        List<String> hashes = new ArrayList<>();
        List<JsonNode> described = new ArrayList<>();
        statement.path("attachments").forEach(described::add);
        if ("SubStatement".equals(object.path("objectType").asText())) {
            object.path("attachments").forEach(described::add);
        }
        for (JsonNode a : described) {
            String sha2 = a.path("sha2").asText("").toLowerCase(Locale.ROOT);
            if (sent.contains(sha2) && !hashes.contains(sha2)) {
                hashes.add(sha2);
            }
        }
        return new NewStatement(id, stored, who.authorityId(), voiding ? target : null, target,
                statement.path("version").asText(), StatementComparison.hash(statement), Json.write(statement),
                keys(statement), hashes, who.canDefine() ? definitions(statement, who.activityPrefix()) : Map.of(),
                LearningEvents.of(statement).orElse(null));
    }

    /**
     * Whether an activity id is the prefix itself or under it at an IRI boundary: a key for {@code urn:pelita:module:tour}
     * writes about {@code urn:pelita:module:tour/pages/...} but not about {@code urn:pelita:module:tour-2}. A prefix that
     * ends with a delimiter ({@code /}, {@code :}, {@code #}, {@code ?}) is a boundary itself.
     */
    static boolean underPrefix(String activity, String prefix) {
        if (!activity.startsWith(prefix)) {
            return false;
        }
        if (activity.length() == prefix.length() || prefix.isEmpty() || "/:#?".indexOf(prefix.charAt(prefix.length() - 1)) >= 0) {
            return true;
        }
        return "/#?".indexOf(activity.charAt(prefix.length())) >= 0;
    }

    private static Map<String, Boolean> keys(JsonNode statement) {
        Map<String, Boolean> keys = new LinkedHashMap<>();
        StatementKeys.of(statement).forEach((k, direct) -> keys.put(k, direct));
        return keys;
    }

    /**
     * Activities with definitions this statement brings: they update the canonical definitions when its credential
     * may define (see {@link Principal#canDefine}).
     */
    private static Map<String, String> definitions(JsonNode statement, java.util.Optional<String> prefix) {
        Map<String, String> definitions = new LinkedHashMap<>();
        List<JsonNode> activities = new ArrayList<>();
        collectActivities(statement, activities);
        for (JsonNode activity : activities) {
            // A package key defines only its own activities, not those its statements mention in their context.
            if (activity.hasNonNull("id") && activity.has("definition")
                    && (prefix.isEmpty() || underPrefix(activity.get("id").asText(), prefix.get()))) {
                ObjectNode canonical = Json.MAPPER.createObjectNode();
                canonical.put("objectType", "Activity");
                canonical.put("id", activity.get("id").asText());
                canonical.set("definition", activity.get("definition"));
                definitions.put(activity.get("id").asText(), Json.write(canonical));
            }
        }
        return definitions;
    }

    private static void collectActivities(JsonNode statement, List<JsonNode> into) {
        JsonNode object = statement.path("object");
        String type = object.path("objectType").asText("Activity");
        if ("Activity".equals(type)) {
            into.add(object);
        } else if ("SubStatement".equals(type)) {
            collectActivities(object, into);
        }
        statement.path("context").path("contextActivities").forEach(list -> list.forEach(into::add));
    }

    /** Stored times never go backwards in this process (equal milliseconds are ordered by id). */
    private OffsetDateTime nextStored() {
        long now = clock.millis();
        long stored = lastStoredMillis.accumulateAndGet(now, Math::max);
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(stored), ZoneOffset.UTC);
    }

    private void write(List<NewStatement> statements, List<NewAttachment> attachments) {
        WriteOutcome outcome;
        try {
            outcome = writer.submit(statements, attachments).get(COMMIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing statements", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("storing statements failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("storing statements took longer than " + COMMIT_TIMEOUT.toSeconds() + " s", e);
        }
        if (outcome instanceof WriteOutcome.Conflict conflict) {
            throw new ConflictException("a different statement with the id " + conflict.id()
                    + " is already stored; statements cannot change (xAPI 1.0.3 Data §2.3.1)");
        }
    }

    /** GET with statementId or voidedStatementId. */
    public StoredStatement single(StatementQuery query, Principal who) {
        requireRead(who);
        boolean voided = query.voidedStatementId().isPresent();
        UUID id = voided ? query.voidedStatementId().get() : query.statementId().get();
        Optional<StoredStatement> statement = store.byId(id, voided);
        if (statement.isEmpty() || !readable(statement.get(), who)) {
            throw new NotFoundException(voided ? "no voided statement with the id " + id : "no statement with the id " + id
                    + (store.byId(id, true).isPresent() ? " (it is voided: ask with voidedStatementId)" : ""));
        }
        return statement.get();
    }

    private boolean readable(StoredStatement statement, Principal who) {
        if (who.canReadAllStatements()) {
            return true;
        }
        JsonNode body = Json.parse(statement.body(), "statement");
        return Agents.identifier(body.get("authority")).map(who.authorityId()::equals).orElse(false);
    }

    private static void requireRead(Principal who) {
        if (!who.canReadOwnStatements()) {
            throw new ForbiddenException("these credentials may not read statements (scope statements/read needed)");
        }
    }

    /** GET with filters: a page of statements. */
    public Page query(StatementQuery query, Optional<StatementFilter.Cursor> after, Principal who) {
        requireRead(who);
        StatementFilter filter = filter(query, after, who);
        List<StoredStatement> found = store.query(filter);
        boolean more = found.size() > query.limit();
        List<StoredStatement> page = more ? found.subList(0, query.limit()) : found;
        Optional<StatementFilter.Cursor> next = more
                ? Optional.of(new StatementFilter.Cursor(page.get(page.size() - 1).stored(), page.get(page.size() - 1).id()))
                : Optional.empty();
        return new Page(page.stream().map(StoredStatement::body).toList(), next,
                page.stream().map(StoredStatement::id).toList(), page.stream().anyMatch(StoredStatement::hasAttachments));
    }

    /** The database's plan for a query, as an administrator would read it. */
    public String explain(StatementQuery query) {
        return store.explain(filter(query, Optional.empty(), null));
    }

    private static StatementFilter filter(StatementQuery query, Optional<StatementFilter.Cursor> after, Principal who) {
        // The most selective filter first: it drives the query through the index (a registration is one attempt;
        // a verb is shared by many statements).
        List<StatementFilter.KeyMatch> keys = new ArrayList<>();
        query.registration().ifPresent(r -> keys.add(new StatementFilter.KeyMatch(StatementKeys.registration(r.toString()), true)));
        query.agent().flatMap(Agents::identifier).ifPresent(id -> keys.add(new StatementFilter.KeyMatch(StatementKeys.agent(id), query.relatedAgents())));
        query.activity().ifPresent(a -> keys.add(new StatementFilter.KeyMatch(StatementKeys.activity(a), query.relatedActivities())));
        // The statement's own verb (or its StatementRef target's): a SubStatement's verb is stored as a related key only.
        query.verb().ifPresent(v -> keys.add(new StatementFilter.KeyMatch(StatementKeys.verb(v), false)));
        Optional<String> mine = who == null || who.canReadAllStatements() ? Optional.empty() : Optional.of(who.authorityId());
        return new StatementFilter(keys, mine, query.since(), query.until(), query.ascending(), after, query.limit());
    }

    /** Statements in the requested format: exact texts as stored, or transformed (ids, canonical). */
    public List<String> format(List<String> statements, StatementFormat format, List<String> languages) {
        if (format == StatementFormat.EXACT) {
            return statements;
        }
        List<JsonNode> parsed = statements.stream().map(s -> Json.parse(s, "statement")).toList();
        if (format == StatementFormat.IDS) {
            return parsed.stream().map(s -> Json.write(StatementFormat.ids(s))).toList();
        }
        Set<String> activityIds = new LinkedHashSet<>();
        parsed.forEach(s -> activityIds.addAll(StatementFormat.activityIds(s)));
        Map<String, JsonNode> canonical = new LinkedHashMap<>();
        store.activities(activityIds).forEach((id, json) -> canonical.put(id, Json.parse(json, "activity")));
        return parsed.stream().map(s -> Json.write(StatementFormat.canonical(s, canonical, languages))).toList();
    }

    public Map<String, NewAttachment> attachmentsOf(List<UUID> statements) {
        return store.attachmentsOf(statements);
    }

    /**
     * X-Experience-API-Consistent-Through: every statement stored before it is visible. Writes of this process still
     * in flight hold it back, and the configured margin covers writes of other processes sharing the database.
     */
    public OffsetDateTime consistentThrough() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minus(consistencyMargin);
        OffsetDateTime inFlight = writer.earliestInFlight();
        if (inFlight != null && !inFlight.isAfter(now)) {
            return inFlight.minusNanos(1_000_000);
        }
        return now;
    }
}
