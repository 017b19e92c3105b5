package org.pelita.packager.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.pelita.packager.Packager;
import org.pelita.packager.archive.Sha256;
import org.pelita.packager.content.LrsConnection;
import org.pelita.packager.content.UnitLayout;
import org.pelita.packager.definition.DefinitionException;
import org.pelita.packager.definition.ModuleLoader;
import org.pelita.packager.model.ChangelogEntry;
import org.pelita.packager.model.Module;
import org.pelita.packager.target.BuildOptions;
import org.pelita.packager.target.LanguageMode;
import org.pelita.packager.target.PackagingException;
import org.pelita.packager.target.Target;
import org.pelita.packager.target.Targets;

/**
 * Releases a module version: builds every target in every language into {@code <dist>/<module id>/<version>/<target>/},
 * writes release.json (each package's target, languages, size and SHA-256) and RELEASE-NOTES.md (from the changelog),
 * and never changes a released version: the same content again is a no-op, different content is refused. Builds are
 * deterministic, so releasing the same folder twice gives the same hashes.
 */
public final class Releaser {
    /** What a release call did. */
    public enum Outcome { RELEASED, ALREADY_RELEASED }

    public record Result(Outcome outcome, Path directory, ReleaseManifest manifest) {
    }

    private final String packagerVersion;

    public Releaser(String packagerVersion) {
        this.packagerVersion = packagerVersion;
    }

    /**
     * @param lrs with an LRS, the release also holds SCORM 1.2 packages that report to it and the web site; without,
     *            those two builds need an LRS named at build time and are left out
     */
    public Result release(Path moduleDir, Path dist, Optional<String> activityBase, Optional<LrsConnection> lrs)
            throws DefinitionException, PackagingException, ReleaseRefusedException, IOException {
        Module module = new ModuleLoader().load(moduleDir).module();
        ChangelogEntry notes = module.releaseNotes().orElseThrow(() -> new ReleaseRefusedException("module.yaml has no changelog"
                + " entry for version " + module.version() + ": add one under `changelog:` (version, date, changes) before"
                + " releasing it"));
        Path versions = dist.resolve(module.id());
        Path target = versions.resolve(module.version());
        Files.createDirectories(versions);
        Path staging = versions.resolve("." + module.version() + ".staging-" + UUID.randomUUID());
        try {
            List<ReleaseArtifact> artifacts = build(module, moduleDir, staging, activityBase, lrs);
            ReleaseManifest manifest = new ReleaseManifest(module.id(), module.version(), packagerVersion, artifacts,
                    ReleaseContent.of(module));
            if (Files.exists(target)) {
                return compare(target, manifest);
            }
            Files.writeString(staging.resolve(ReleaseManifest.FILE), manifest.toJson(), StandardCharsets.UTF_8);
            Files.writeString(staging.resolve(ReleaseNotes.FILE), ReleaseNotes.markdown(module, notes), StandardCharsets.UTF_8);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return new Result(Outcome.RELEASED, target, manifest);
        } finally {
            deleteTree(staging);
        }
    }

    private List<ReleaseArtifact> build(Module module, Path moduleDir, Path staging, Optional<String> activityBase,
                                        Optional<LrsConnection> lrs) throws DefinitionException, PackagingException, IOException {
        Map<String, BuildOptions> builds = new LinkedHashMap<>();
        BuildOptions plain = new BuildOptions(LanguageMode.EACH, Optional.empty(), UnitLayout.SINGLE, activityBase, Optional.empty());
        builds.put("scorm12", plain);
        builds.put("xapi", plain);
        builds.put("cmi5", plain);
        lrs.ifPresent(connection -> {
            BuildOptions reporting = new BuildOptions(LanguageMode.EACH, Optional.empty(), UnitLayout.SINGLE, activityBase,
                    Optional.of(connection));
            builds.put("scorm12-xapi", reporting);
            builds.put("web", reporting);
        });
        List<ReleaseArtifact> artifacts = new ArrayList<>();
        for (Map.Entry<String, BuildOptions> build : builds.entrySet()) {
            Target format = Targets.byName(build.getKey().replace("-xapi", "")).orElseThrow();
            Path folder = staging.resolve(build.getKey());
            for (Path zip : new Packager().build(moduleDir, format, build.getValue(), folder).packages()) {
                artifacts.add(new ReleaseArtifact(build.getKey(), languagesOf(module, zip), staging.relativize(zip).toString()
                        .replace('\\', '/'), Files.size(zip), Sha256.of(zip)));
            }
        }
        artifacts.sort(Comparator.comparing(ReleaseArtifact::file));
        return artifacts;
    }

    /** The languages a package holds, from its name (…-<lang>.zip; a web site without one holds them all). */
    private static List<String> languagesOf(Module module, Path zip) {
        String name = zip.getFileName().toString();
        for (String language : module.languages()) {
            if (name.endsWith("-" + language + ".zip")) {
                return List.of(language);
            }
        }
        return module.languages();
    }

    private static Result compare(Path released, ReleaseManifest now) throws IOException, ReleaseRefusedException {
        Path file = released.resolve(ReleaseManifest.FILE);
        if (!Files.isRegularFile(file)) {
            throw new ReleaseRefusedException(released + " exists but holds no " + ReleaseManifest.FILE + ": it is not a"
                    + " release this tool made; move it away, or give the module a new version");
        }
        ReleaseManifest before = ReleaseManifest.read(file);
        Map<String, String> hashes = new LinkedHashMap<>();
        before.artifacts().forEach(a -> hashes.put(a.file(), a.sha256()));
        List<String> differing = new ArrayList<>();
        for (ReleaseArtifact artifact : now.artifacts()) {
            String old = hashes.remove(artifact.file());
            if (old == null) {
                differing.add(artifact.file() + " (new)");
            } else if (!old.equals(artifact.sha256())) {
                differing.add(artifact.file() + " (changed)");
            }
        }
        hashes.keySet().forEach(gone -> differing.add(gone + " (no longer built)"));
        if (!differing.isEmpty()) {
            throw new ReleaseRefusedException("version " + now.version() + " of " + now.module() + " was released with other"
                    + " content; " + differing.size() + " package(s) differ: " + String.join(", ", differing.subList(0,
                    Math.min(5, differing.size()))) + (differing.size() > 5 ? ", …" : "") + ". A released version never"
                    + " changes: give the module a new version in module.yaml (and a changelog entry)");
        }
        return new Result(Outcome.ALREADY_RELEASED, released, before);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
