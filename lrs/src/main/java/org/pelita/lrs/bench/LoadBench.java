package org.pelita.lrs.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Load on a running LRS from light client threads: statements posted singly and in batches by several clients for
 * a fixed time, then the filtered GETs researchers run. Prints statements per second, latency percentiles and the
 * clients' own share of the CPU (the clients share the machine with the server).
 */
public final class LoadBench {
    /** What one timed phase measured. */
    public record Result(String name, long requests, long statements, long errors, Duration elapsed, Latencies latencies,
                         double clientCpuShare, double serverCpuShare, long gcMillis) {
        public double statementsPerSecond() {
            return statements / (elapsed.toNanos() / 1e9);
        }

        public double requestsPerSecond() {
            return requests / (elapsed.toNanos() / 1e9);
        }
    }

    private final String host;
    private final int port;
    private final String key;
    private final String secret;
    private final PrintWriter out;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    public LoadBench(String host, int port, String key, String secret, PrintWriter out) {
        this.host = host;
        this.port = port;
        this.key = key;
        this.secret = secret;
        this.out = out;
    }

    /** {@code clients} connections post statements ({@code batch} per request) for {@code time}. */
    public Result post(String name, int clients, int batch, Duration time) throws InterruptedException {
        return run(name, clients, time, 0, seed -> {
            StatementGenerator generator = new StatementGenerator(seed);
            return client -> {
                byte[] body = batch == 1 ? generator.next().getBytes(StandardCharsets.UTF_8) : generator.batch(batch);
                RawHttpClient.Response response = client.send("POST", "/xapi/statements", body, "application/json");
                return response.status() == 200 ? batch : -1;
            };
        });
    }

    /** Posts statements in batches until {@code total} are stored (to fill the store before measuring). */
    public Result fill(int clients, int batch, long total) throws InterruptedException {
        return run("fill", clients, Duration.ofDays(1), total, seed -> {
            StatementGenerator generator = new StatementGenerator(seed ^ 0x5DEECE66DL);
            return client -> client.send("POST", "/xapi/statements", generator.batch(batch), "application/json").status() == 200 ? batch : -1;
        });
    }

    /** The filtered GETs, each {@code requests} times spread over the clients. */
    public Map<String, Result> queries(int clients, int requests, int limit) throws InterruptedException {
        Map<String, IntFunction<String>> queries = filters();
        Map<String, Result> results = new LinkedHashMap<>();
        for (Map.Entry<String, IntFunction<String>> query : queries.entrySet()) {
            results.put(query.getKey(), query(query.getKey(), query.getValue(), clients, requests, limit));
        }
        return results;
    }

    /** The query string of each filter the benchmark measures, for request number n (to vary agents and activities). */
    public static Map<String, IntFunction<String>> filters() {
        Map<String, IntFunction<String>> queries = new LinkedHashMap<>();
        queries.put("no filter (newest first)", n -> "");
        queries.put("agent", n -> "agent=" + encode(StatementGenerator.agentJson(n % StatementGenerator.LEARNERS)));
        queries.put("verb (answered, 55% of all)", n -> "verb=" + encode("http://adlnet.gov/expapi/verbs/answered"));
        queries.put("activity (one question)", n -> "activity=" + encode(StatementGenerator.question(n % StatementGenerator.MODULES, n % StatementGenerator.QUESTIONS_PER_MODULE)));
        queries.put("registration", n -> "registration=" + StatementGenerator.registration(n % StatementGenerator.LEARNERS, n % StatementGenerator.MODULES));
        queries.put("agent + verb", n -> "agent=" + encode(StatementGenerator.agentJson(n % StatementGenerator.LEARNERS)) + "&verb="
                + encode("http://adlnet.gov/expapi/verbs/answered"));
        queries.put("activity + related_activities (a module)", n -> "activity=" + encode(StatementGenerator.module(n % StatementGenerator.MODULES))
                + "&related_activities=true");
        // The worst case of a combined filter: the learner's statements drive, and few of them have the verb.
        queries.put("agent + verb (passed, 3% of all)", n -> "agent=" + encode(StatementGenerator.agentJson(n % StatementGenerator.LEARNERS))
                + "&verb=" + encode("http://adlnet.gov/expapi/verbs/passed"));
        queries.put("agent, oldest first (ascending)", n -> "agent=" + encode(StatementGenerator.agentJson(n % StatementGenerator.LEARNERS))
                + "&ascending=true");
        queries.put("verb + until (a minute ago)", n -> "verb=" + encode("http://adlnet.gov/expapi/verbs/experienced")
                + "&until=" + encode(Instant.now().minusSeconds(60).toString()));
        queries.put("since (last minute)", n -> "since=" + encode(Instant.now().minusSeconds(60).toString()));
        return queries;
    }

    private Result query(String name, IntFunction<String> query, int clients, int requests, int limit) throws InterruptedException {
        AtomicLong issued = new AtomicLong();
        return run("GET " + name, clients, Duration.ofDays(1), requests, seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            return client -> {
                if (issued.incrementAndGet() > requests) {
                    return 0;
                }
                String filter = query.apply(random.nextInt(1_000_000));
                String target = "/xapi/statements?limit=" + limit + (filter.isEmpty() ? "" : "&" + filter);
                return client.send("GET", target, null, null).status() == 200 ? 1 : -1;
            };
        });
    }

    /**
     * The research reports (GET /api/reports/…), each {@code requests} times from one client, over the whole store and one
     * module, while another client posts a statement every 100 ms, as a running pilot does. That also keeps the figures
     * honest on H2, which answers a query again from its last result while no table has changed.
     */
    public Map<String, Result> reports(int requests) throws InterruptedException {
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread pilot = new Thread(() -> {
            StatementGenerator generator = new StatementGenerator(42);
            try (RawHttpClient client = new RawHttpClient(host, port, key, secret)) {
                while (!done.get()) {
                    client.send("POST", "/xapi/statements", generator.next().getBytes(StandardCharsets.UTF_8), "application/json");
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException e) {
                out.println("the background pilot stopped: " + e);
            }
        }, "bench-pilot");
        pilot.start();
        try {
            return timeReports(requests);
        } finally {
            done.set(true);
            pilot.join();
        }
    }

    private Map<String, Result> timeReports(int requests) throws InterruptedException {
        String module = encode(StatementGenerator.module(0));
        Map<String, String> reports = new LinkedHashMap<>();
        for (String report : List.of("modules", "funnel", "quizzes", "pre-post", "time-on-task")) {
            reports.put(report + ", all modules", report);
            reports.put(report + ", one module", report + "?module=" + module);
        }
        reports.put("questions (item analysis of one quiz)", "questions?quiz=" + encode(StatementGenerator.module(0) + "/quizzes/post-test"));
        reports.put("funnel, one module, language and version", "funnel?module=" + module + "&language=id&version=1.0.1");
        Map<String, Result> results = new LinkedHashMap<>();
        for (Map.Entry<String, String> report : reports.entrySet()) {
            AtomicLong issued = new AtomicLong();
            results.put(report.getKey(), run("report " + report.getKey(), 1, Duration.ofDays(1), requests, seed -> client -> {
                if (issued.incrementAndGet() > requests) {
                    return 0;
                }
                return client.send("GET", "/api/reports/" + report.getValue(), null, null).status() == 200 ? 1 : -1;
            }));
        }
        return results;
    }

    /** What one export measured: rows and bytes received, the time, and the heap of this JVM (which runs the LRS). */
    public record ExportResult(String name, int status, long rows, long bytes, Duration elapsed, long heapBeforeBytes,
                               long heapPeakBytes, long heapMaxBytes) {
        public double rowsPerSecond() {
            return rows / (elapsed.toNanos() / 1e9);
        }
    }

    /**
     * Downloads one export over the whole store with the given credential, reading the body as it arrives and keeping
     * none of it (rows are counted by line ends; CSV's header row is not counted). The heap figures: used after a GC
     * before the export, and the sum of the heap pools' peaks during it (an upper bound of the heap it needed,
     * garbage included), against the JVM's maximum.
     */
    public ExportResult export(String name, String path, String exportKey, String exportSecret) throws IOException, InterruptedException {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://" + host + ":" + port + path))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (exportKey + ":" + exportSecret).getBytes(StandardCharsets.UTF_8))).build();
        System.gc();
        List<java.lang.management.MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP).toList();
        heap.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long start = System.nanoTime();
        java.net.http.HttpResponse<java.io.InputStream> response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        long lines = 0;
        try (java.io.InputStream body = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = body.read(buffer)) > 0) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long rows = path.contains(".csv") ? Math.max(0, lines - 1) : lines;
        return new ExportResult(name, response.statusCode(), rows, bytes, elapsed, before, peak, Runtime.getRuntime().maxMemory());
    }

    public void print(ExportResult r) {
        out.printf("%-44s %,10d rows %8.0f rows/s %,8.1f MB %7.1f s  heap: %,d MB before, peak <= %,d MB of %,d MB max%s%n",
                r.name(), r.rows(), r.rowsPerSecond(), r.bytes() / 1e6, r.elapsed().toMillis() / 1000.0, r.heapBeforeBytes() / 1_000_000,
                r.heapPeakBytes() / 1_000_000, r.heapMaxBytes() / 1_000_000, r.status() == 200 ? "" : "  HTTP " + r.status());
        out.flush();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** One request of a phase: how many statements it stored or read (negative: an error; 0: the phase is over). */
    @FunctionalInterface
    interface Step {
        int run(RawHttpClient client) throws IOException;
    }

    private Result run(String name, int clients, Duration time, long total, IntFunction<Step> steps) throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong requests = new AtomicLong();
        AtomicLong statements = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong clientCpu = new AtomicLong();
        long deadline = System.nanoTime() + time.toNanos();
        List<Thread> workers = new ArrayList<>();
        long processCpuBefore = processCpu();
        long gcBefore = gcMillis();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Step step = steps.apply(c * 7919 + name.hashCode());
            Thread worker = new Thread(() -> {
                Latencies mine = new Latencies();
                try (RawHttpClient client = new RawHttpClient(host, port, key, secret)) {
                    while (System.nanoTime() < deadline && (total == 0 || statements.get() < total)) {
                        long t = System.nanoTime();
                        int stored = step.run(client);
                        if (stored == 0) {
                            break;
                        }
                        mine.add((System.nanoTime() - t) / 1_000);
                        requests.incrementAndGet();
                        if (stored < 0) {
                            errors.incrementAndGet();
                        } else {
                            statements.addAndGet(stored);
                        }
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                } finally {
                    clientCpu.addAndGet(threads.getCurrentThreadCpuTime());
                    latencies.addAll(mine);
                }
            }, "bench-client-" + c);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        int cores = Runtime.getRuntime().availableProcessors();
        double cpuShare = clientCpu.get() / (double) elapsed.toNanos() / cores;
        // This process holds the LRS and the clients: its CPU minus the clients' is the LRS's (the database's, for
        // PostgreSQL, runs in its own processes and is not counted here).
        double serverShare = (processCpu() - processCpuBefore - clientCpu.get()) / (double) elapsed.toNanos() / cores;
        return new Result(name, requests.get(), statements.get(), errors.get(), elapsed, latencies, cpuShare, serverShare,
                gcMillis() - gcBefore);
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
    }

    public void print(Result r) {
        out.printf("%-44s %8d req %7.0f req/s %8.0f stmt/s  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  errors %d  CPU: LRS %4.1f%% clients %4.1f%%  GC %d ms%n",
                r.name(), r.requests(), r.requestsPerSecond(), r.statementsPerSecond(), r.latencies().percentile(50), r.latencies().percentile(95),
                r.latencies().percentile(99), r.errors(), 100 * r.serverCpuShare(), 100 * r.clientCpuShare(), r.gcMillis());
        out.flush();
    }
}
