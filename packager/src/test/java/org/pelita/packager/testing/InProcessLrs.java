package org.pelita.packager.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pelita.lrs.Lrs;
import org.pelita.lrs.auth.SecretHasher;
import org.pelita.lrs.config.ConfigLoader;
import org.pelita.lrs.store.CredentialStore;

/**
 * The project's real LRS in this JVM for browser tests: on 127.0.0.1, H2 in a temporary folder, CORS open to one
 * origin (the test server that serves the package). It can be stopped and started again on the same port and
 * database, as a flaky link would look to the browser. Credentials have the secret "<key>-secret".
 */
public final class InProcessLrs implements AutoCloseable {
    public static final String ADMIN = "test-admin";
    private static final SecretHasher FAST = new SecretHasher(4);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String database;
    private final String corsOrigin;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Lrs lrs;
    private int port;

    public InProcessLrs(String corsOrigin) throws IOException {
        Path directory = TempDirectories.create("pelita-packager-lrs-");
        this.database = "jdbc:h2:file:" + directory.resolve("lrs");
        this.corsOrigin = corsOrigin;
        start(0);
        credential(ADMIN, "all", null);
    }

    private void start(int onPort) {
        lrs = Lrs.start(ConfigLoader.load(Optional.empty(), Map.of(), Map.of("db", database, "port", String.valueOf(onPort),
                "host", "127.0.0.1", "cors-origins", corsOrigin)), FAST, Clock.systemUTC());
        port = lrs.port();
    }

    /** Stops the server; the browser's requests are then refused. */
    public void stop() {
        lrs.close();
        lrs = null;
    }

    /** Starts again on the same port and database. */
    public void restart() {
        start(port);
    }

    public InProcessLrs credential(String key, String scopes, String activityPrefix) {
        new CredentialStore(lrs.database()).create(key, FAST.hash(key + "-secret"), scopes, Optional.ofNullable(activityPrefix),
                Optional.of(key));
        return this;
    }

    /** The server's base URL, without the xAPI path. */
    public String base() {
        return "http://127.0.0.1:" + port;
    }

    /** The xAPI endpoint, with its final slash. */
    public String endpoint() {
        return base() + "/xapi/";
    }

    public static String basicAuth(String key) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":" + key + "-secret").getBytes(StandardCharsets.UTF_8));
    }

    /** Every statement stored with this registration (all pages), read with the administrator's key. */
    /** Polls until the LRS holds {@code count} statements of the registration (at most 20 s), and fails if it holds another number. */
    public List<JsonNode> awaitStatements(String registration, int count) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<JsonNode> statements = statements(registration);
        while (statements.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
            statements = statements(registration);
        }
        assertThat(statements).as("statements for registration " + registration).hasSize(count);
        return statements;
    }

    public List<JsonNode> statements(String registration) throws IOException, InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        String next = "/xapi/statements?registration=" + URLEncoder.encode(registration, StandardCharsets.UTF_8) + "&limit=500";
        while (next != null && !next.isEmpty()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + next))
                    .header("Authorization", basicAuth(ADMIN)).header("X-Experience-API-Version", "1.0.3").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET statements: " + response.statusCode() + " " + response.body());
            }
            JsonNode page = JSON.readTree(response.body());
            page.get("statements").forEach(all::add);
            next = page.path("more").asText("");
        }
        return all;
    }

    @Override
    public void close() {
        if (lrs != null) {
            stop();
        }
    }
}
