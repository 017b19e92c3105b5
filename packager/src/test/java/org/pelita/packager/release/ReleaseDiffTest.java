package org.pelita.packager.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pelita.packager.testing.Repository;

/**
 * diff between two releases (issue 7, point 2): what changed, question revisions, and whether pre/post results of the
 * two releases compare. Each case releases the fixture, edits one thing, and releases it again as 1.1.0.
 */
class ReleaseDiffTest {
    @TempDir
    Path work;
    Path module;
    ReleaseManifest first;

    @BeforeEach
    void releaseTheFirstVersion() throws Exception {
        module = Repository.copyOfFixture("released", work);
        first = release();
    }

    private ReleaseManifest release() throws Exception {
        return new Releaser("test").release(module, work.resolve("dist"), Optional.empty(), Optional.empty()).manifest();
    }

    /** The next version, after the edits the test made: 1.1.0 with its changelog entry. */
    private ReleaseManifest next() throws Exception {
        String yaml = Files.readString(module.resolve("module.yaml"));
        Files.writeString(module.resolve("module.yaml"), yaml.replace("version: 1.0.0\nlanguages", "version: 1.1.0\nlanguages")
                .replace("changelog:\n", "changelog:\n  - version: 1.1.0\n    changes: [Edited.]\n"));
        return release();
    }

    private void edit(String file, String from, String to) throws Exception {
        Path path = module.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to));
    }

    @Test
    void aQuestionKeepsItsRevisionAcrossVersionsWhileItsMeaningIsTheSame() throws Exception {
        edit("content/en/basics/intro.md", "Hello.", "Hello again.");
        edit("module.yaml", "feedback: { en: Yes., id: Ya. }", "feedback: { en: \"Yes: seawater is salty.\", id: Ya. }");
        edit("module.yaml", "id: Langit berwarna biru pada hari cerah.", "id: Langit tampak biru pada hari cerah.");

        ReleaseDiff diff = ReleaseDiff.of(first, next());

        assertThat(diff.changes()).containsExactly("page changed: basics/intro (en)");
        assertThat(diff.prePostComparable()).isTrue();
        assertThat(diff.toText()).contains("released 1.0.0 → 1.1.0", "are comparable");
    }

    @Test
    void aChangedCorrectAnswerIsANewRevisionAndBreaksPrePostComparison() throws Exception {
        edit("module.yaml", "answer: true", "answer: false");

        ReleaseDiff diff = ReleaseDiff.of(first, next());

        assertThat(diff.changes()).singleElement().asString().startsWith("question changed: sky (revision ")
                .contains("not pooled");
        assertThat(diff.prePostComparable()).isFalse();
        assertThat(diff.whyNot()).containsExactly("question sky of the pre-test changed", "question sky of the post-test changed");
    }

    @Test
    void aChangedPromptInTheSourceLanguageOrAChoiceIsANewRevisionToo() throws Exception {
        edit("module.yaml", "en: \"Which is salty?\"", "en: \"Which one is salty water?\"");

        ReleaseDiff diff = ReleaseDiff.of(first, next());

        assertThat(diff.changes()).singleElement().asString().startsWith("question changed: sea");
        assertThat(diff.whyNot()).containsExactly("question sea of the post-test changed");
    }

    @Test
    void aQuestionAddedToATestAndAMasteryScoreChangeAreListed() throws Exception {
        edit("module.yaml", "masteryScore: 50", "masteryScore: 80");
        edit("module.yaml", "    questions:\n      - id: sky", "    questions:\n      - use: sea\n      - id: sky");

        ReleaseDiff diff = ReleaseDiff.of(first, next());

        assertThat(diff.changes()).containsExactly("mastery score: 50 → 80", "quiz pre-test asks other questions: sky → sea, sky");
        assertThat(diff.whyNot()).containsExactly("the pre-test asks other questions");
    }
}
