package org.pelita.lrs;

import io.javalin.Javalin;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.pelita.lrs.auth.Authenticator;
import org.pelita.lrs.auth.SecretHasher;
import org.pelita.lrs.config.LrsConfig;
import org.pelita.lrs.http.Cors;
import org.pelita.lrs.http.DocumentsHandler;
import org.pelita.lrs.http.ExportsHandler;
import org.pelita.lrs.http.LrsApp;
import org.pelita.lrs.http.PackagesRoutes;
import org.pelita.lrs.packages.PackageService;
import org.pelita.lrs.store.PackageStore;
import org.pelita.lrs.http.RequestReader;
import org.pelita.lrs.http.ReportsHandler;
import org.pelita.lrs.http.ResearchRoutes;
import org.pelita.lrs.research.Reports;
import org.pelita.lrs.store.ReportStore;
import org.pelita.lrs.http.ResourcesHandler;
import org.pelita.lrs.http.StatementsHandler;
import org.pelita.lrs.http.StaticSite;
import org.pelita.lrs.service.DefinitionService;
import org.pelita.lrs.research.Pseudonyms;
import org.pelita.lrs.service.DocumentService;
import org.pelita.lrs.service.ExportService;
import org.pelita.lrs.service.StatementService;
import org.pelita.lrs.store.CredentialStore;
import org.pelita.lrs.store.Database;
import org.pelita.lrs.store.DocumentStore;
import org.pelita.lrs.store.ResearchSecretStore;
import org.pelita.lrs.store.StatementStore;
import org.pelita.lrs.store.StatementWriter;
import org.pelita.lrs.xapi.StatementQueryParser;
import org.pelita.lrs.xapi.XapiVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running LRS: database, stores, services and HTTP server, wired once from the configuration. The LRS keeps
 * no state of its own beyond caches, so several processes can serve one PostgreSQL database.
 */
public final class Lrs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Lrs.class);
    /** GET statements returns at most this many per page (limit=0 asks for this many). */
    public static final int MAX_PAGE = 500;
    public static final int DEFAULT_PAGE = 100;

    /** Credentials created on first start; the secret is shown once and never stored in clear. */
    public record Bootstrap(String key, String secret) {
    }

    private final Database database;
    private final StatementWriter writer;
    private final StatementService statements;
    private final StatementQueryParser queries;
    private final Javalin server;
    private final Optional<Bootstrap> bootstrap;
    private final PackageService packages;

    private Lrs(Database database, StatementWriter writer, StatementService statements, StatementQueryParser queries, Javalin server,
                Optional<Bootstrap> bootstrap, PackageService packages) {
        this.database = database;
        this.writer = writer;
        this.statements = statements;
        this.queries = queries;
        this.server = server;
        this.bootstrap = bootstrap;
        this.packages = packages;
    }

    public static Lrs start(LrsConfig config) {
        return start(config, new SecretHasher(), Clock.systemUTC());
    }

    public static Lrs start(LrsConfig config, SecretHasher hasher, Clock clock) {
        return start(config, hasher, clock, Optional.empty());
    }

    /** As {@link #start(LrsConfig, SecretHasher, Clock)}, also serving a static site (pelita-lrs demo). */
    public static Lrs start(LrsConfig config, SecretHasher hasher, Clock clock, Optional<StaticSite> site) {
        Database database = Database.open(config);
        try {
            CredentialStore credentials = new CredentialStore(database);
            Optional<Bootstrap> bootstrap = bootstrapAdmin(credentials, hasher);
            StatementStore statementStore = new StatementStore(database);
            StatementWriter writer = new StatementWriter(database, config.isPostgres() ? 2 : 1, LrsRules::mergeActivities,
                    LrsRules::bodyKeys);
            StatementService statements = new StatementService(statementStore, writer, LrsRules.statementChecks(), clock,
                    config.consistencyMargin());
            DocumentService documents = new DocumentService(new DocumentStore(database), clock);
            StatementQueryParser queries = new StatementQueryParser(DEFAULT_PAGE, MAX_PAGE, LrsRules.agentCheck());
            Authenticator authenticator = new Authenticator(credentials, hasher, config.authorityHomePage(), clock);
            ResearchRoutes research = new ResearchRoutes(authenticator);
            new ReportsHandler(new Reports(new ReportStore(database))).register(research);
            Pseudonyms pseudonyms = new Pseudonyms(new ResearchSecretStore(database)::secret);
            ExportsHandler exports = new ExportsHandler(new ExportService(statementStore::exportPage, ExportService.PAGE_SIZE, pseudonyms), clock);
            research.get("/exports/statements.ndjson", exports::ndjson).get("/exports/statements.csv", exports::csv);
            LrsApp app = new LrsApp(new RequestReader(authenticator),
                    new Cors(config.corsOrigins()),
                    new StatementsHandler(statements, queries, LrsRules.multipart(config.maxBodyBytes()), LrsApp.BASE + "/statements"),
                    new DocumentsHandler(documents, LrsRules.agentCheck()),
                    new ResourcesHandler(new DefinitionService(statementStore), LrsRules.agentCheck()),
                    XapiVersion.fromHeader(config.defaultVersion()).orElseThrow());
            PackageService packages = new PackageService(new PackageStore(database), clock);
            Javalin server = app.create(config.maxBodyBytes(), () -> healthy(database), research,
                    new PackagesRoutes(packages, authenticator, config.packagesPublic(), config.packagesMaxBytes()), site);
            server.start(config.host(), config.port());
            LOG.info("LRS listening on {}:{}{} ({})", config.host(), server.port(), LrsApp.BASE,
                    config.isH2() ? "H2" : "PostgreSQL");
            return new Lrs(database, writer, statements, queries, server, bootstrap, packages);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static boolean healthy(Database database) {
        try {
            database.sql().selectOne().fetch();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** On an empty credential table, creates an admin credential (scope all) and returns it to be shown once. */
    static Optional<Bootstrap> bootstrapAdmin(CredentialStore credentials, SecretHasher hasher) {
        if (!credentials.isEmpty()) {
            return Optional.empty();
        }
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[8];
        byte[] secret = new byte[24];
        random.nextBytes(key);
        random.nextBytes(secret);
        Bootstrap admin = new Bootstrap("admin-" + HexFormat.of().formatHex(key), HexFormat.of().formatHex(secret));
        credentials.create(admin.key(), hasher.hash(admin.secret()), "all", Optional.empty(), Optional.of("administrator"));
        return Optional.of(admin);
    }

    public int port() {
        return server.port();
    }

    public Optional<Bootstrap> bootstrap() {
        return bootstrap;
    }

    public Database database() {
        return database;
    }

    /** Published packages (the demo publishes the samples' releases through it, as PUT /packages would). */
    public PackageService packages() {
        return packages;
    }

    /** The query plan for GET statements with these parameters (bench --plans, docs/query-plans.md). */
    public String explain(java.util.Map<String, java.util.List<String>> parameters) {
        return statements.explain(queries.parse(parameters, XapiVersion.V2_0_0));
    }

    /** Stops accepting requests, lets queued statements commit, then closes the database. */
    @Override
    public void close() {
        server.stop();
        writer.close();
        database.close();
    }
}
