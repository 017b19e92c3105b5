package org.pelita.lrs.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.pelita.lrs.testing.TestLrs;
import org.pelita.lrs.testing.XapiClient;

/**
 * Shared pieces of the document resource tests: one LRS per database per test class (started on first use, so a
 * missing PostgreSQL skips only the PostgreSQL cases), the three resources with the parameters that address a
 * document in each, and unique identities so that tests never see each other's documents.
 */
final class DocumentsFixture {
    private DocumentsFixture() {
    }

    /** One LRS per database kind, started when first asked for; close in @AfterAll. */
    static final class Servers implements AutoCloseable {
        private final Map<String, String> settings;
        private final Map<String, TestLrs> running = new ConcurrentHashMap<>();

        Servers() {
            this(Map.of());
        }

        Servers(Map<String, String> settings) {
            this.settings = settings;
        }

        TestLrs on(String database) {
            return running.computeIfAbsent(database, d -> TestLrs.on(d, settings));
        }

        @Override
        public void close() {
            running.values().forEach(TestLrs::close);
            running.clear();
        }
    }

    /** The three document resources and how each addresses a document (xAPI 1.0.3 Communication §2.3, §2.6, §2.7). */
    enum Resource {
        STATE("/activities/state", "stateId"),
        ACTIVITY_PROFILE("/activities/profile", "profileId"),
        AGENT_PROFILE("/agents/profile", "profileId");

        final String path;
        final String idParameter;

        Resource(String path, String idParameter) {
            this.path = path;
            this.idParameter = idParameter;
        }

        /** A fresh set of documents (a new activity and agent) of this resource. */
        Scope newScope() {
            Map<String, String> parameters = new LinkedHashMap<>();
            if (this != AGENT_PROFILE) {
                parameters.put("activityId", activity());
            }
            if (this != ACTIVITY_PROFILE) {
                parameters.put("agent", agent());
            }
            return new Scope(this, parameters);
        }
    }

    /** The parameters naming a set of documents; {@link #doc} adds the document id. */
    record Scope(Resource resource, Map<String, String> parameters) {
        String list() {
            return resource.path + query(parameters);
        }

        String doc(String id) {
            Map<String, String> all = new LinkedHashMap<>(parameters);
            all.put(resource.idParameter, id);
            return resource.path + query(all);
        }

        String with(String name, String value) {
            Map<String, String> all = new LinkedHashMap<>(parameters);
            all.put(name, value);
            return resource.path + query(all);
        }
    }

    static Stream<String> databases() {
        return TestLrs.databases().stream();
    }

    /** Every database with every document resource. */
    static Stream<Arguments> databasesAndResources() {
        List<Arguments> cases = new ArrayList<>();
        for (String database : TestLrs.databases()) {
            for (Resource resource : Resource.values()) {
                cases.add(Arguments.of(database, resource));
            }
        }
        return cases.stream();
    }

    static String query(Map<String, String> parameters) {
        List<String> parts = new ArrayList<>();
        parameters.forEach((name, value) -> parts.add(XapiClient.query(name, value)));
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    static String activity() {
        return "https://pelita.example.org/test/activities/" + UUID.randomUUID();
    }

    static String mbox() {
        return "mailto:" + UUID.randomUUID() + "@learners.example.org";
    }

    static String agent() {
        return agent(mbox());
    }

    static String agent(String mbox) {
        return "{\"objectType\":\"Agent\",\"mbox\":\"" + mbox + "\"}";
    }

    /** The ETag the specification asks for: the quoted lower-case hex SHA-1 of the content (1.0.3 Communication §3.1). */
    static String etagOf(byte[] content) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String etagOf(String content) {
        return etagOf(content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Waits (a millisecond at most) until the clock has moved to the next millisecond and returns the millisecond
     * it left: everything stored before the call is at or before it, everything stored after is later (the LRS
     * keeps milliseconds). No sleep: the loop only spins across one clock tick.
     */
    static Instant tick() {
        Instant left = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        while (!Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(left)) {
            Thread.onSpinWait();
        }
        return left;
    }
}
