package org.pelita.lrs.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.pelita.lrs.Lrs;
import org.pelita.lrs.auth.SecretHasher;
import org.pelita.lrs.config.LrsConfig;
import org.pelita.lrs.http.StaticSite;
import org.pelita.lrs.store.CredentialStore;
import org.pelita.lrs.store.StoredCredential;

/**
 * A running demo: the LRS with the sample modules built as web packages that report to it, served under
 * {@value #SITE_PATH} with a landing page at {@code /}. Each start (re)creates what is missing and rebuilds the
 * packages; nothing is duplicated:
 * <ul>
 *   <li>a write-only credential per sample ({@code demo-<module id>}), restricted to the module's activity IRI;</li>
 *   <li>a read credential for the dashboard ({@value #READER_KEY}, scope statements/read);</li>
 *   <li>their secrets and the study's pseudonym key, made once and kept in the data folder ({@link DemoSecrets}).</li>
 * </ul>
 */
public final class Demo implements AutoCloseable {
    public static final String SITE_PATH = "/demo";
    public static final String READER_KEY = "demo-reader";
    public static final String ACTIVITY_BASE = "urn:pelita:module:";

    private final Lrs lrs;
    private final String base;
    private final String readerSecret;
    private final List<SampleModule> samples;
    private final List<String> failed;

    private Demo(Lrs lrs, String base, String readerSecret, List<SampleModule> samples, List<String> failed) {
        this.lrs = lrs;
        this.base = base;
        this.readerSecret = readerSecret;
        this.samples = samples;
        this.failed = failed;
    }

    /** The key of a sample's write-only credential. */
    public static String writerKey(String moduleId) {
        return "demo-" + moduleId;
    }

    /**
     * Starts the LRS on {@code config} (its host must be 127.0.0.1 or localhost: the packages report over plain
     * http, which browsers allow only there), then provisions the credentials and builds the samples.
     *
     * @param data    the demo's folder: secrets, and the unzipped packages under {@code site/}
     * @param samples a folder of module folders (each with a module.yaml)
     * @param log     progress and the packager's messages
     * @throws IllegalArgumentException for a wrong host or a missing samples folder
     * @throws IllegalStateException    when the database's demo credentials do not match the secrets kept in data
     */
    public static Demo start(LrsConfig config, Path data, Path samples, ModuleBuilder packager, SecretHasher hasher, PrintWriter log)
            throws Exception {
        check(config, samples);
        data = data.toAbsolutePath().normalize();
        Path site = data.resolve("site");
        Files.createDirectories(site);
        List<String> failed = new ArrayList<>();
        List<SampleModule> modules = read(samples, failed, log);
        DemoSecrets secrets = DemoSecrets.load(data);
        String readerSecret = secrets.get("reader");
        String pseudonymKey = secrets.get("pseudonym-key");
        for (SampleModule module : modules) {
            secrets.get("write." + module.id());
        }
        secrets.save();

        Lrs lrs = Lrs.start(config, hasher, Clock.systemUTC(), Optional.of(new StaticSite(SITE_PATH, site)));
        try {
            CredentialStore credentials = new CredentialStore(lrs.database());
            ensure(credentials, hasher, READER_KEY, readerSecret, "statements/read", Optional.empty(), "demo dashboard (read only)", data);
            for (SampleModule module : modules) {
                ensure(credentials, hasher, writerKey(module.id()), secrets.get("write." + module.id()), "statements/write define",
                        Optional.of(module.iri(ACTIVITY_BASE)), "demo package " + module.id(), data);
            }
            String base = "http://" + config.host() + ":" + lrs.port();
            List<SampleModule> built = new ArrayList<>();
            for (SampleModule module : modules) {
                List<String> args = List.of("build", module.directory().toString(), "--target", "web", "--activity-base", ACTIVITY_BASE,
                        "--lrs-endpoint", base + "/xapi/", "--lrs-key", writerKey(module.id()) + ":" + secrets.get("write." + module.id()),
                        "--pseudonym-key", pseudonymKey);
                if (build(module, args, data, site, packager, log)) {
                    built.add(module);
                } else {
                    failed.add(module.id());
                }
            }
            removeStale(site, built);
            Files.writeString(site.resolve("demo.css"), LandingPage.STYLESHEET, StandardCharsets.UTF_8);
            Path index = site.resolve("index.html.tmp");
            Files.writeString(index, LandingPage.render(built, failed, SITE_PATH, READER_KEY), StandardCharsets.UTF_8);
            Files.move(index, site.resolve("index.html"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Demo(lrs, base, readerSecret, List.copyOf(built), List.copyOf(failed));
        } catch (Exception | Error e) {
            lrs.close();
            throw e;
        }
    }

    /** @throws IllegalArgumentException for a host other than 127.0.0.1 or localhost, or a missing samples folder */
    public static void check(LrsConfig config, Path samples) {
        if (!config.host().equals("127.0.0.1") && !config.host().equals("localhost")) {
            throw new IllegalArgumentException("the demo listens on 127.0.0.1 or localhost only (its packages report over plain http,"
                    + " which browsers allow only there), not " + config.host());
        }
        if (!Files.isDirectory(samples)) {
            throw new IllegalArgumentException("no samples folder at " + samples + " (run from the repository root, or give --samples <dir>)");
        }
    }

    private static List<SampleModule> read(Path samples, List<String> failed, PrintWriter log) throws IOException {
        List<SampleModule> modules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path folder : SampleModule.folders(samples)) {
            try {
                SampleModule module = SampleModule.read(folder);
                if (!ids.add(module.id())) {
                    throw new IllegalArgumentException("another sample has the id " + module.id());
                }
                modules.add(module);
            } catch (IOException | IllegalArgumentException e) {
                log.println("  skipped " + folder + ": " + e.getMessage());
                failed.add(folder.getFileName().toString());
            }
        }
        return modules;
    }

    /** Creates the credential, or checks that the one there is the same (key, scopes, prefix, secret, not revoked). */
    private static void ensure(CredentialStore credentials, SecretHasher hasher, String key, String secret, String scopes,
                               Optional<String> activityPrefix, String label, Path data) {
        Optional<StoredCredential> existing = credentials.byKey(key);
        if (existing.isEmpty()) {
            credentials.create(key, hasher.hash(secret), scopes, activityPrefix, Optional.of(label));
            return;
        }
        StoredCredential c = existing.get();
        if (c.revoked().isPresent() || !c.scopes().equals(scopes) || !c.activityPrefix().equals(activityPrefix)
                || !hasher.matches(secret, c.secretHash())) {
            throw new IllegalStateException("the credential '" + key + "' in the database is not the one the demo made with the secrets in "
                    + data.resolve(DemoSecrets.FILE) + " (was one of them deleted, or the credential revoked?)."
                    + " Delete " + data + " to start the demo afresh, or give it another --data and --db.");
        }
    }

    /** Builds one module's web package and unzips it in site/<id>/; false, with the packager's messages, if it failed. */
    private static boolean build(SampleModule module, List<String> args, Path data, Path site, ModuleBuilder packager, PrintWriter log)
            throws Exception {
        Path out = Files.createTempDirectory(data, "build-");
        try {
            List<String> withOut = new ArrayList<>(args);
            withOut.addAll(List.of("--out", out.toString()));
            StringWriter messages = new StringWriter();
            StringWriter errors = new StringWriter();
            int exit = packager.run(withOut, new PrintWriter(messages, true), new PrintWriter(errors, true));
            errors.toString().lines().forEach(line -> log.println("  " + module.id() + ": " + line));
            List<Path> zips;
            try (Stream<Path> files = Files.list(out)) {
                zips = files.filter(p -> p.getFileName().toString().endsWith(".zip")).toList();
            }
            if (exit != 0 || zips.size() != 1) {
                log.println("  could not build " + module.directory() + " (packager exit " + exit + ", " + zips.size() + " zip(s))");
                return false;
            }
            Path fresh = site.resolve(module.id() + ".new");
            deleteTree(fresh);
            unzip(zips.get(0), fresh);
            Path target = site.resolve(module.id());
            deleteTree(target);
            Files.move(fresh, target);
            log.println("  built " + module.id() + " " + module.version() + " (" + String.join(", ", module.languages()) + ")");
            return true;
        } finally {
            deleteTree(out);
        }
    }

    /** Unzips, refusing entries that would land outside {@code into}. */
    static void unzip(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        try (InputStream file = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(file)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into) || target.equals(into)) {
                    throw new IOException(zip + ": entry outside the package folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entries, target);
                }
            }
        }
    }

    /** Folders of samples no longer built (renamed or removed) would stay reachable: remove them. */
    private static void removeStale(Path site, List<SampleModule> built) throws IOException {
        Set<String> keep = new HashSet<>();
        built.forEach(m -> keep.add(m.id()));
        List<Path> stale;
        try (Stream<Path> children = Files.list(site)) {
            stale = children.filter(Files::isDirectory).filter(p -> !keep.contains(p.getFileName().toString())).toList();
        }
        for (Path folder : stale) {
            deleteTree(folder);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.delete(path);
        }
    }

    public Lrs lrs() {
        return lrs;
    }

    /** The landing page, such as http://127.0.0.1:8080/. */
    public String landingUrl() {
        return base + "/";
    }

    public String dashboardUrl() {
        return base + "/dashboard/";
    }

    /** Where a sample is served. */
    public String sampleUrl(String moduleId) {
        return base + SITE_PATH + "/" + moduleId + "/";
    }

    public String readerSecret() {
        return readerSecret;
    }

    public List<SampleModule> samples() {
        return samples;
    }

    /** Sample folders or module ids that could not be read or built. */
    public List<String> failed() {
        return failed;
    }

    @Override
    public void close() {
        lrs.close();
    }
}
