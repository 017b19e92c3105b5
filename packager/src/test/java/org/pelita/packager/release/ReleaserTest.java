package org.pelita.packager.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pelita.packager.archive.Sha256;
import org.pelita.packager.content.LrsConnection;
import org.pelita.packager.testing.Repository;

/** Releases (issue 7, point 1): every target and language, release.json, notes, and a released version never changes. */
class ReleaserTest {
    private static final LrsConnection LRS = LrsConnection.of("https://lrs.example.org/xapi/", "pkg-released:secret",
            "a-pseudonym-key-of-some-length");

    @TempDir
    Path work;
    Path module;
    Path dist;

    @BeforeEach
    void copyTheModule() {
        module = Repository.copyOfFixture("released", work);
        dist = work.resolve("dist");
    }

    private Releaser.Result release(Optional<LrsConnection> lrs) throws Exception {
        return new Releaser("test").release(module, dist, Optional.empty(), lrs);
    }

    @Test
    void aReleaseHoldsEveryTargetInEveryLanguageWithItsSizeAndHash() throws Exception {
        Releaser.Result result = release(Optional.of(LRS));

        assertThat(result.outcome()).isEqualTo(Releaser.Outcome.RELEASED);
        assertThat(result.directory()).isEqualTo(dist.resolve("released/1.0.0"));
        ReleaseManifest manifest = ReleaseManifest.read(result.directory().resolve("release.json"));
        assertThat(manifest).isEqualTo(result.manifest());
        assertThat(manifest.module()).isEqualTo("released");
        assertThat(manifest.version()).isEqualTo("1.0.0");
        assertThat(manifest.packager()).isEqualTo("test");
        assertThat(manifest.artifacts()).extracting(a -> a.target() + " " + String.join(",", a.languages())).containsExactly(
                "cmi5 en", "cmi5 id", "scorm12-xapi en", "scorm12-xapi id", "scorm12 en", "scorm12 id", "web en,id", "xapi en", "xapi id");
        for (ReleaseArtifact artifact : manifest.artifacts()) {
            Path zip = result.directory().resolve(artifact.file());
            assertThat(Files.size(zip)).as(artifact.file()).isEqualTo(artifact.size());
            assertThat(Sha256.of(zip)).as(artifact.file()).isEqualTo(artifact.sha256()).hasSize(64);
        }
        try (Stream<Path> left = Files.list(dist.resolve("released"))) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no staging folder left").containsExactly("1.0.0");
        }
    }

    @Test
    void releaseNotesComeFromTheChangelogNewestFirst() throws Exception {
        Path notes = release(Optional.empty()).directory().resolve("RELEASE-NOTES.md");

        assertThat(Files.readString(notes, StandardCharsets.UTF_8)).isEqualTo("""
                # A released module 1.0.0

                Module `released`, version 1.0.0, released 2026-11-28. Languages: en, id.

                - First release for the pilot.
                - Reviewed Indonesian texts.

                ## Earlier versions

                ### 0.9.0

                - Trial with one partner.
                """);
    }

    @Test
    void releasingTheSameVersionTwiceGivesTheSameHashesAndWritesNothing() throws Exception {
        ReleaseManifest first = release(Optional.of(LRS)).manifest();
        Path json = dist.resolve("released/1.0.0/release.json");
        long written = Files.getLastModifiedTime(json).toMillis();

        Releaser.Result again = release(Optional.of(LRS));

        assertThat(again.outcome()).isEqualTo(Releaser.Outcome.ALREADY_RELEASED);
        assertThat(again.manifest().artifacts()).isEqualTo(first.artifacts());
        assertThat(Files.getLastModifiedTime(json).toMillis()).isEqualTo(written);
    }

    @Test
    void aReleasedVersionIsNeverOverwrittenWithOtherContent() throws Exception {
        ReleaseManifest released = release(Optional.empty()).manifest();
        Map<String, String> before = hashes(dist.resolve("released/1.0.0"));
        Files.writeString(module.resolve("content/en/basics/intro.md"), "# Intro\n\nHello, changed.\n");

        assertThatThrownBy(() -> release(Optional.empty())).isInstanceOf(ReleaseRefusedException.class)
                .hasMessageContaining("version 1.0.0 of released was released with other content")
                .hasMessageContaining("scorm12/released-1.0.0-scorm12-en.zip (changed)")
                .hasMessageContaining("give the module a new version");
        assertThat(hashes(dist.resolve("released/1.0.0"))).isEqualTo(before);
        assertThat(ReleaseManifest.read(dist.resolve("released/1.0.0/release.json"))).isEqualTo(released);
    }

    @Test
    void aNewVersionIsReleasedBesideTheOldOne() throws Exception {
        release(Optional.empty());
        String yaml = Files.readString(module.resolve("module.yaml"));
        Files.writeString(module.resolve("module.yaml"), yaml.replace("version: 1.0.0\nlanguages", "version: 1.1.0\nlanguages")
                .replace("changelog:\n", "changelog:\n  - version: 1.1.0\n    changes: [Clearer intro.]\n"));

        Releaser.Result result = release(Optional.empty());

        assertThat(result.directory()).isEqualTo(dist.resolve("released/1.1.0"));
        assertThat(dist.resolve("released/1.0.0/release.json")).exists();
    }

    @Test
    void aVersionWithoutAChangelogEntryIsNotReleased() throws Exception {
        String yaml = Files.readString(module.resolve("module.yaml"));
        Files.writeString(module.resolve("module.yaml"), yaml.replace("version: 1.0.0\nlanguages", "version: 1.0.1\nlanguages"));

        assertThatThrownBy(() -> release(Optional.empty())).isInstanceOf(ReleaseRefusedException.class)
                .hasMessageContaining("no changelog entry for version 1.0.1");
        assertThat(dist.resolve("released/1.0.1")).doesNotExist();
    }

    @Test
    void withoutAnLrsTheReleaseLeavesOutThePackagesThatNeedOne() throws Exception {
        assertThat(release(Optional.empty()).manifest().artifacts()).extracting(ReleaseArtifact::target)
                .containsOnly("scorm12", "xapi", "cmi5");
    }

    private static Map<String, String> hashes(Path directory) throws Exception {
        try (Stream<Path> files = Files.walk(directory)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            Map<String, String> hashes = new java.util.TreeMap<>();
            for (Path file : all) {
                hashes.put(directory.relativize(file).toString(), Sha256.of(file));
            }
            return hashes;
        }
    }
}
