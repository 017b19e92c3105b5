package org.pelita.lrs.packages;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.pelita.lrs.store.NewPackageFile;
import org.pelita.lrs.store.PackageStore;
import org.pelita.lrs.store.StoredPackage;
import org.pelita.lrs.store.StoredRelease;
import org.pelita.lrs.xapi.ConflictException;
import org.pelita.lrs.xapi.GoneException;
import org.pelita.lrs.xapi.InvalidRequestException;
import org.pelita.lrs.xapi.NotFoundException;

/**
 * Publishing released packages and finding them by their stable addresses (docs/packages.md): a version's packages
 * never change once published, and {@code latest} is the highest published version that is neither a pre-release nor
 * withdrawn. Knows nothing of HTTP.
 */
public final class PackageService {
    /** An incomplete publication older than this was abandoned (its process died): the next one discards it. */
    static final Duration ABANDONED = Duration.ofMinutes(10);
    /** The packager's module id syntax (Values.ID). */
    private static final Pattern MODULE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public enum Outcome {
        /** Stored now. */
        PUBLISHED,
        /** The same release was already published: nothing changed. */
        ALREADY_PUBLISHED,
        /** The same release had been withdrawn: it is served again. */
        REPUBLISHED
    }

    public record Publication(Outcome outcome, String module, String version, List<StoredPackage> packages) {
    }

    /**
     * One package to send.
     *
     * @param release      the release it belongs to (for latest: the version latest stands for now)
     * @param lastModified when what this address answers last changed: a version's publication, or for latest the
     *                     last publication or withdrawal of any of the module's versions. Empty while that was in the
     *                     current second: HTTP dates count whole seconds, so a date sent then could not tell that
     *                     change from a second one in the same second (RFC 9110 §8.8.2.2); the ETag still can
     * @param latest       whether it was asked for as latest (its bytes may change) rather than by version (never)
     * @param content      the bytes, read from the store a chunk at a time as they are sent: a HEAD or a 304 never reads them
     */
    public record Download(StoredPackage metadata, Supplier<InputStream> content, Optional<OffsetDateTime> lastModified, boolean latest) {
    }

    /** A module's releases for the index, highest version first, and the version latest stands for, if any. */
    public record ModuleReleases(String module, Optional<String> latest, List<ReleaseEntry> releases) {
    }

    public record ReleaseEntry(String version, OffsetDateTime published, Optional<OffsetDateTime> withdrawn, List<StoredPackage> packages) {
    }

    /** One release, and the version latest stands for (to say whether it is that one). */
    public record ReleaseListing(ReleaseEntry release, Optional<String> latest) {
    }

    private final PackageStore store;
    private final Clock clock;

    public PackageService(PackageStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Publishes the release uploaded as a zip (ReleaseBundle). The same release again changes nothing (or brings a
     * withdrawn one back); other content under a published version is refused with 409, as the packager refuses it.
     */
    public Publication publish(String module, String versionText, Path upload, String publishedBy) {
        checkModule(module);
        ReleaseVersion version = version(versionText);
        try (ReleaseBundle bundle = ReleaseBundle.read(upload, module, version)) {
            return publish(module, version, bundle, publishedBy);
        }
    }

    private Publication publish(String module, ReleaseVersion version, ReleaseBundle bundle, String publishedBy) {
        OffsetDateTime now = now();
        Optional<StoredRelease> existing = store.release(module, version.text());
        if (existing.isPresent() && !existing.get().complete() && existing.get().changed().isBefore(now.minus(ABANDONED))) {
            // A publication that began long ago and never completed: its process died. Its rows are no release.
            store.discardIncomplete(module, version.text());
            existing = Optional.empty();
        }
        if (existing.isEmpty()) {
            StoredRelease release = new StoredRelease(module, version.text(), bundle.manifest(), bundle.notes(), now, publishedBy,
                    Optional.empty(), now, false);
            if (store.claim(release, bundle.packages().stream().map(NewPackageFile::metadata).toList())) {
                try {
                    for (NewPackageFile file : bundle.packages()) {
                        store.writeChunks(file);
                    }
                    store.complete(module, version.text(), now());
                } catch (RuntimeException e) {
                    store.discardIncomplete(module, version.text());
                    throw e;
                }
                return new Publication(Outcome.PUBLISHED, module, version.text(), store.packages(module, version.text()));
            }
            // Another request claimed this version meanwhile: compare with what it stores.
            existing = store.release(module, version.text());
        }
        if (!existing.orElseThrow().complete()) {
            throw new ConflictException("version " + version + " of " + module + " is being published by another request (since "
                    + existing.get().changed().toInstant() + "); try again when it is done");
        }
        List<StoredPackage> stored = store.packages(module, version.text());
        List<String> differences = differences(stored, bundle.packages().stream().map(NewPackageFile::metadata).toList());
        if (!differences.isEmpty()) {
            throw new ConflictException("version " + version + " of " + module + " is published with other content ("
                    + String.join("; ", differences) + "). A published release never changes: give the module a new version, "
                    + "release it and publish that");
        }
        if (existing.get().withdrawn().isPresent()) {
            store.setWithdrawn(module, version.text(), Optional.empty(), now);
            return new Publication(Outcome.REPUBLISHED, module, version.text(), stored);
        }
        return new Publication(Outcome.ALREADY_PUBLISHED, module, version.text(), stored);
    }

    /** Takes a version out of latest and stops serving it; publishing the same release again brings it back. */
    public void withdraw(String module, String versionText) {
        version(versionText); // latest cannot be withdrawn
        StoredRelease release = resolve(releases(module), module, versionText);
        if (release.withdrawn().isEmpty()) {
            OffsetDateTime now = now();
            store.setWithdrawn(module, release.version(), Optional.of(now), now);
        }
    }

    /** A package by its address: version (or latest), target and language ("all" for one with every language). */
    public Download download(String module, String versionOrLatest, String target, String language) {
        boolean latest = ReleaseVersion.LATEST.equals(versionOrLatest);
        List<StoredRelease> all = releases(module);
        StoredRelease release = resolve(all, module, versionOrLatest);
        OffsetDateTime lastModified;
        if (latest) {
            lastModified = all.stream().map(StoredRelease::changed).max(Comparator.naturalOrder()).orElseThrow();
        } else {
            if (release.withdrawn().isPresent()) {
                throw new GoneException("version " + release.version() + " of " + module + " was withdrawn on "
                        + release.withdrawn().get().toLocalDate() + "; its packages are no longer served");
            }
            lastModified = release.published();
        }
        List<StoredPackage> packages = store.packages(module, release.version());
        StoredPackage metadata = packages.stream().filter(p -> p.target().equals(target) && p.language().equals(language)).findFirst()
                .orElseThrow(() -> new NotFoundException("version " + release.version() + " of " + module + " has no " + target
                        + " package in " + language + "; it has " + String.join(", ", packages.stream()
                        .map(p -> p.target() + "/" + p.language() + ".zip").toList())));
        Supplier<InputStream> content = () -> store.content(metadata);
        boolean settled = clock.instant().truncatedTo(ChronoUnit.SECONDS).isAfter(lastModified.toInstant());
        return new Download(metadata, content, settled ? Optional.of(lastModified) : Optional.empty(), latest);
    }

    /** A version's release.json or RELEASE-NOTES.md (versions that were withdrawn too: they say what a partner had). */
    public StoredRelease releaseOf(String module, String versionOrLatest) {
        return resolve(releases(module), module, versionOrLatest);
    }

    /** One release for the listing, by version (or latest), with the version latest stands for. */
    public ReleaseListing listing(String module, String versionOrLatest) {
        List<StoredRelease> all = releases(module);
        return new ReleaseListing(entry(resolve(all, module, versionOrLatest)), latest(all).map(StoredRelease::version));
    }

    /** Every module with a published release, with its releases. */
    public List<ModuleReleases> index() {
        List<ModuleReleases> modules = new ArrayList<>();
        for (String module : store.modules()) {
            modules.add(module(module));
        }
        return modules;
    }

    public ModuleReleases module(String module) {
        List<StoredRelease> all = releases(module);
        Map<ReleaseVersion, StoredRelease> byVersion = new TreeMap<>(Comparator.reverseOrder());
        all.forEach(r -> byVersion.put(ReleaseVersion.parse(r.version()), r));
        List<ReleaseEntry> entries = new ArrayList<>();
        byVersion.values().forEach(r -> entries.add(entry(r)));
        return new ModuleReleases(module, latest(all).map(StoredRelease::version), entries);
    }

    private ReleaseEntry entry(StoredRelease release) {
        return new ReleaseEntry(release.version(), release.published(), release.withdrawn(), store.packages(release.module(),
                release.version()));
    }

    private List<StoredRelease> releases(String module) {
        checkModule(module);
        List<StoredRelease> all = store.releases(module);
        if (all.isEmpty()) {
            throw new NotFoundException("no release of module " + module + " is published here");
        }
        return all;
    }

    /** The release an address names: latest, or a version (which must be one). */
    private static StoredRelease resolve(List<StoredRelease> all, String module, String versionOrLatest) {
        if (ReleaseVersion.LATEST.equals(versionOrLatest)) {
            return latest(all).orElseThrow(() -> new NotFoundException(module + " has no published version that latest can stand for "
                    + "(pre-releases and withdrawn versions are never latest); published: " + versions(all)));
        }
        ReleaseVersion version = version(versionOrLatest);
        return all.stream().filter(r -> r.version().equals(version.text())).findFirst()
                .orElseThrow(() -> new NotFoundException("version " + version + " of " + module + " is not published here; published: "
                        + versions(all)));
    }

    private static Optional<StoredRelease> latest(List<StoredRelease> all) {
        return all.stream()
                .filter(r -> r.withdrawn().isEmpty())
                .filter(r -> !ReleaseVersion.parse(r.version()).isPreRelease())
                .max(Comparator.comparing(r -> ReleaseVersion.parse(r.version())));
    }

    private static String versions(List<StoredRelease> all) {
        return String.join(", ", all.stream().map(r -> ReleaseVersion.parse(r.version())).sorted().map(v -> v.text()).toList());
    }

    /** What differs between the packages stored and those uploaded, by target/language. */
    private static List<String> differences(List<StoredPackage> stored, List<StoredPackage> uploaded) {
        Map<String, StoredPackage> before = new LinkedHashMap<>();
        stored.forEach(p -> before.put(p.target() + "/" + p.language(), p));
        List<String> differences = new ArrayList<>();
        for (StoredPackage p : uploaded) {
            StoredPackage old = before.remove(p.target() + "/" + p.language());
            if (old == null) {
                differences.add(p.target() + "/" + p.language() + " is new");
            } else if (!old.sha256().equals(p.sha256())) {
                differences.add(p.target() + "/" + p.language() + " has SHA-256 " + p.sha256().substring(0, 16) + "…, published "
                        + old.sha256().substring(0, 16) + "…");
            }
        }
        before.keySet().forEach(key -> differences.add(key + " is missing"));
        return differences;
    }

    private static void checkModule(String module) {
        if (module == null || module.length() > 128 || !MODULE.matcher(module).matches()) {
            throw new InvalidRequestException("'" + module + "' is not a module id (lower-case letters and digits in words joined by "
                    + "hyphens, as in module.yaml)");
        }
    }

    private static ReleaseVersion version(String text) {
        if (ReleaseVersion.LATEST.equals(text)) {
            throw new InvalidRequestException("latest is not a version: it stands for the highest published one, and cannot be "
                    + "published or withdrawn");
        }
        return ReleaseVersion.parse(text);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
