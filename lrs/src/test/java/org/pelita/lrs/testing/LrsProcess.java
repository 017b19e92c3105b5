package org.pelita.lrs.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The LRS as a separate process (java -cp <test classpath> PelitaLrs), for what an in-process server cannot show:
 * surviving kill -9, and several processes sharing one database.
 */
public final class LrsProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;
    private final Path firstAdminFile;

    private LrsProcess(Process process, int port, Path log, Path firstAdminFile) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.firstAdminFile = firstAdminFile;
    }

    public static LrsProcess start(String databaseUrl, String... extraArgs) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("pelita-lrs-process-", ".log");
        // Not in the working directory (the module's folder): a first start writes the administrator's secret here.
        Path firstAdminFile = Files.createTempDirectory("pelita-lrs-process-").resolve("first-admin.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.pelita.lrs.cli.PelitaLrs",
                "--host", "127.0.0.1", "--port", String.valueOf(port), "--db", databaseUrl, "--log-format", "text",
                "--first-admin-file", firstAdminFile.toString()));
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LrsProcess lrs = new LrsProcess(process, port, log, firstAdminFile);
        lrs.awaitHealthy(Duration.ofSeconds(60));
        return lrs;
    }

    private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the LRS process exited: " + Files.readString(log));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base() + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the LRS did not become healthy in " + timeout.toSeconds() + " s: " + Files.readString(log));
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public XapiClient client(String key, String secret) {
        return new XapiClient(base() + "/xapi", key, secret, "2.0.0");
    }

    /** Where a first start of this process writes the administrator's key and secret (its output is not a terminal). */
    public Path firstAdminFile() {
        return firstAdminFile;
    }

    public String output() throws IOException {
        return Files.readString(log);
    }

    /** kill -9: no shutdown hook, no flush; what was acknowledged must already be on disk. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        deleteLog();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        deleteLog();
    }

    private void deleteLog() {
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // a leftover log in the temporary folder is harmless
        }
    }
}
