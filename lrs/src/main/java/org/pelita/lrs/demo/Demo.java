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
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.pelita.lrs.Lrs;
import org.pelita.lrs.auth.SecretHasher;
import org.pelita.lrs.config.LrsConfig;
import org.pelita.lrs.http.PackagesRoutes;
import org.pelita.lrs.http.StaticSite;
import org.pelita.lrs.packages.PackageService;
import org.pelita.lrs.store.CredentialStore;
import org.pelita.lrs.store.StoredCredential;
import org.pelita.lrs.xapi.XapiException;

/**
 * A running demo: the LRS with the sample modules built as web packages that report to it, served under
 * {@value #SITE_PATH} with a landing page at {@code /}. Each start (re)creates what is missing and rebuilds the
 * packages; nothing is duplicated:
 * <ul>
 *   <li>a write-only credential per sample ({@code demo-<module id>}), restricted to the module's activity IRI;</li>
 *   <li>a read credential for the dashboard ({@value #READER_KEY}, scope statements/read);</li>
 *   <li>each sample's release (SCORM 1.2, TinCan and cmi5 in each language) published at the LRS's stable package
 *   addresses, and a credential that can only download them ({@value #LMS_KEY}, scope packages), as a partner's LMS
 *   would have (docs/packages.md);</li>
 *   <li>their secrets and the study's pseudonym key, made once and kept in the data folder ({@link DemoSecrets}).</li>
 * </ul>
 */
public final class Demo implements AutoCloseable {
    public static final String SITE_PATH = "/demo";
    public static final String READER_KEY = "demo-reader";
    public static final String LMS_KEY = "demo-lms";
    public static final String ACTIVITY_BASE = "urn:pelita:module:";

    private final Lrs lrs;
    private final String base;
    private final String readerSecret;
    private final String lmsSecret;
    private final List<SampleModule> samples;
    private final Map<String, String> published;
    private final List<String> failed;

    private Demo(Lrs lrs, String base, String readerSecret, String lmsSecret, List<SampleModule> samples, Map<String, String> published,
                 List<String> failed) {
        this.lrs = lrs;
        this.base = base;
        this.readerSecret = readerSecret;
        this.lmsSecret = lmsSecret;
        this.samples = samples;
        this.published = Collections.unmodifiableMap(new LinkedHashMap<>(published));
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
        String lmsSecret = secrets.get("lms");
        String pseudonymKey = secrets.get("pseudonym-key");
        for (SampleModule module : modules) {
            secrets.get("write." + module.id());
        }
        secrets.save();

        Lrs lrs = Lrs.start(config, hasher, Clock.systemUTC(), Optional.of(new StaticSite(SITE_PATH, site)));
        try {
            CredentialStore credentials = new CredentialStore(lrs.database());
            ensure(credentials, hasher, READER_KEY, readerSecret, "statements/read", Optional.empty(), "demo dashboard (read only)", data);
            ensure(credentials, hasher, LMS_KEY, lmsSecret, "packages", Optional.empty(), "demo LMS (downloads published packages)", data);
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
            Map<String, String> published = new LinkedHashMap<>();
            for (SampleModule module : built) {
                publish(module, data, packager, lrs.packages(), log).ifPresent(version -> published.put(module.id(), version));
            }
            Files.writeString(site.resolve("demo.css"), LandingPage.STYLESHEET, StandardCharsets.UTF_8);
            Path index = site.resolve("index.html.tmp");
            Files.writeString(index, LandingPage.render(built, failed, published, SITE_PATH, READER_KEY, LMS_KEY), StandardCharsets.UTF_8);
            Files.move(index, site.resolve("index.html"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Demo(lrs, base, readerSecret, lmsSecret, List.copyOf(built), published, List.copyOf(failed));
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

    /** Runs the packager's command line on a module: its exit code; its error messages go to the console, named by module. */
    private static int run(ModuleBuilder packager, SampleModule module, List<String> args, PrintWriter log) throws Exception {
        StringWriter errors = new StringWriter();
        int exit = packager.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(errors, true));
        errors.toString().lines().forEach(line -> log.println("  " + module.id() + ": " + line));
        return exit;
    }

        /** Builds one module's web package and unzips it in site/<id>/; false, with the packager's messages, if it failed. */
    private static boolean build(SampleModule module, List<String> args, Path data, Path site, ModuleBuilder packager, PrintWriter log)
            throws Exception {
        Path out = Files.createTempDirectory(data, "build-");
        try {
            List<String> withOut = new ArrayList<>(args);
            withOut.addAll(List.of("--out", out.toString()));
            int exit = run(packager, module, withOut, log);
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

    /**
     * Releases a module as {@code release} does (SCORM 1.2, TinCan and cmi5 in each language, into data/releases) and
     * publishes it on the demo's LRS as {@code publish} would: the version published (or already published), or empty
     * with the reason on the console (a sample changed under a version already released here is refused, as always).
     */
    private static Optional<String> publish(SampleModule module, Path data, ModuleBuilder packager, PackageService packages,
                                            PrintWriter log) throws Exception {
        Path dist = data.resolve("releases");
        int exit = run(packager, module, List.of("release", module.directory().toString(), "--dist", dist.toString(),
                "--activity-base", ACTIVITY_BASE), log);
        if (exit != 0) {
            log.println("  not published: " + module.id() + " " + module.version());
            return Optional.empty();
        }
        Path zip = Files.createTempFile(data, "release-", ".zip");
        try {
            zipFolder(dist.resolve(module.id()).resolve(module.version()), zip);
            PackageService.Publication publication = packages.publish(module.id(), module.version(), zip, "demo");
            log.println("  " + (publication.outcome() == PackageService.Outcome.ALREADY_PUBLISHED ? "already published " : "published ")
                    + module.id() + " " + module.version() + " (" + publication.packages().size() + " packages for LMSs)");
            return Optional.of(module.version());
        } catch (XapiException e) {
            log.println("  not published: " + module.id() + " " + module.version() + ": " + e.getMessage());
            return Optional.empty();
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    /** A release's folder as one zip, its files at their paths in the folder (what {@code publish} uploads). */
    static void zipFolder(Path folder, Path zip) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Path file : files) {
                out.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
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

    public String lmsSecret() {
        return lmsSecret;
    }

    /** Modules whose release is published on the demo's LRS, with the version. */
    public Map<String, String> published() {
        return published;
    }

    /** Where a published module's package is, at its latest address: such as …/packages/feature-tour/latest/scorm12/en.zip. */
    public String latestPackageUrl(String moduleId, String target, String language) {
        return base + PackagesRoutes.BASE + "/" + moduleId + "/latest/" + target + "/" + language + ".zip";
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
