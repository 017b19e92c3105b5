package org.pelita.packager.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pelita.packager.model.LessonStep;
import org.pelita.packager.model.Module;
import org.pelita.packager.model.Question;
import org.pelita.packager.testing.Repository;

/** Each fixture under src/test/resources/definitions/ holds one kind of mistake an author makes. */
class ModuleLoaderTest {
    private static Path fixture(String name) {
        return Repository.fixture(name);
    }

    private static List<DefinitionProblem> errors(String name) throws URISyntaxException {
        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> new ModuleLoader().load(fixture(name)));
        assertThat(e).as("loading " + name + " should fail").isNotNull();
        assertThat(e.errors()).allSatisfy(p -> assertThat(p.hint()).as("every error says how to fix it").isNotBlank());
        return e.errors();
    }

    private static DefinitionProblem errorAt(String fixture, String location) throws URISyntaxException {
        List<DefinitionProblem> errors = errors(fixture);
        return errors.stream().filter(p -> p.location().toString().equals(location)).findFirst()
                .orElseThrow(() -> new AssertionError("no error at " + location + " in " + errors));
    }

    @Test
    void theSampleModuleLoadsWithoutErrorsOrWarnings() throws Exception {
        LoadedModule loaded = new ModuleLoader().load(Repository.sample("feature-tour"));
        Module module = loaded.module();
        assertThat(loaded.warnings()).isEmpty();
        assertThat(module.languages()).containsExactly("en", "id");
        assertThat(module.masteryScore()).hasValue(70);
        assertThat(module.preTest()).isPresent();
        assertThat(module.postTest().orElseThrow().questions()).extracting(Question::id)
                .containsExactly("reuse-password", "factor-kinds", "setup-order", "sms-codes", "backup-codes-place");
        assertThat(module.lessons().get(0).steps()).hasSize(3).last().isInstanceOf(LessonStep.CheckStep.class);
        assertThat(module.assets()).extracting(a -> a.packagePath())
                .containsExactly("assets/media/padlock.svg", "assets/media/phone-code.svg", "assets/media/tip-en.wav");
    }

    @Test
    void aYamlSyntaxErrorNamesItsLine() throws Exception {
        DefinitionProblem error = errors("yaml-syntax-error").get(0);
        assertThat(error.location().file()).isEqualTo("module.yaml");
        assertThat(error.location().line()).isEqualTo(5);
        assertThat(error.message()).startsWith("YAML syntax error: ");
    }

    @Test
    void anUnknownKeyIsAnErrorWithTheKeyItProbablyMeant() throws Exception {
        DefinitionProblem error = errorAt("unknown-key", "module.yaml:4:1");
        assertThat(error.message()).isEqualTo("unknown key 'titel' in module.yaml");
        assertThat(error.hint()).isEqualTo("did you mean 'title'?");
    }

    @Test
    void aMissingKeyIsAnErrorWithAnExample() throws Exception {
        DefinitionProblem error = errors("missing-key").get(0);
        assertThat(error.message()).isEqualTo("module.yaml has no 'version'");
        assertThat(error.hint()).contains("version: 1.0.0");
        assertThat(error.location().line()).isEqualTo(1);
    }

    @Test
    void aQuestionWithoutACorrectAnswerIsAnError() throws Exception {
        DefinitionProblem error = errorAt("no-correct-answer", "module.yaml:16:9");
        assertThat(error.message()).isEqualTo("question 'colour' has no correct answer");
        assertThat(error.hint()).contains("correct: true");
    }

    @Test
    void aSingleChoiceQuestionWithTwoCorrectAnswersIsAnError() throws Exception {
        DefinitionProblem error = errorAt("two-correct-single-choice", "module.yaml:15:9");
        assertThat(error.message()).contains("single-choice but marks 2 choices correct");
        assertThat(error.hint()).contains("multiple-choice");
    }

    @Test
    void aTextMissingInOneLanguageIsAnError() throws Exception {
        DefinitionProblem error = errorAt("missing-translation", "module.yaml:5:3");
        assertThat(error.message()).isEqualTo("the module title has no text in id");
        assertThat(error.hint()).isEqualTo("add a line `id: ...` with the translation");
    }

    /** A translator adds a language first: the list is then exactly what to translate, with nothing that follows from it. */
    @Test
    void aNewLanguageWithNothingTranslatedReportsOnlyWhatIsMissingInIt() throws Exception {
        DefinitionException e = catchThrowableOfType(DefinitionException.class,
                () -> new ModuleLoader().load(fixture("untranslated-language")));
        assertThat(e.problems()).extracting(DefinitionProblem::message).allSatisfy(message ->
                assertThat(message).containsAnyOf("has no text in th", "has no 'th' text", "has no accepted answer in th"));
        assertThat(e.errors()).extracting(DefinitionProblem::message).contains(
                "the module title has no text in th", "lesson 'basics' title has no text in th",
                "page 'intro' of lesson 'basics' has no 'th' text", "quiz 'post-test' title has no text in th",
                "question 'first' prompt has no text in th", "question 'count' accepted answers has no accepted answer in th");
    }

    @Test
    void aChangelogNeedsDatesAsDatesEachVersionOnceAndChanges() throws Exception {
        List<DefinitionProblem> errors = errors("bad-changelog");
        assertThat(errors).extracting(p -> p.location().toString() + " " + p.message()).containsExactly(
                "module.yaml:13:11 the changelog date '28 November 2026' is not a date",
                "module.yaml:15:5 the changelog has version 1.0.0 twice (the other is at line 12)",
                "module.yaml:17:5 a changelog entry has no 'changes'");
    }

    @Test
    void theChangelogEntryOfTheModulesVersionIsItsReleaseNotes() throws Exception {
        var module = new ModuleLoader().load(fixture("released")).module();
        assertThat(module.changelog()).extracting(e -> e.version()).containsExactly("1.0.0", "0.9.0");
        assertThat(module.releaseNotes()).hasValueSatisfying(notes -> {
            assertThat(notes.date()).hasValue("2026-11-28");
            assertThat(notes.changes()).containsExactly("First release for the pilot.", "Reviewed Indonesian texts.");
        });
    }

    /** Thai has no spaces between words: a line break inside a paragraph must not become one. */
    @Test
    void aLineBreakInsideAThaiParagraphJoinsTheLinesWhileInVietnameseItIsASpace() throws Exception {
        var module = new ModuleLoader().load(fixture("web-languages")).module();
        var page = ((org.pelita.packager.model.LessonStep.PageStep) module.lessons().get(0).steps().get(0)).page();
        assertThat(page.in("th").html()).contains("<p>หน้าแรกของบทเรียน</p>");
        assertThat(page.in("vi").html()).contains("<p>Trang đầu tiên\ncủa bài học.</p>");
    }

    @Test
    void aPageMissingInOneLanguageIsAnErrorNamingTheFileToCreate() throws Exception {
        DefinitionProblem error = errorAt("missing-page-translation", "module.yaml:9:13");
        assertThat(error.message()).isEqualTo("page 'intro' of lesson 'basics' has no 'th' text");
        assertThat(error.hint()).isEqualTo("create content/th/basics/intro.md");
    }

    @Test
    void duplicateIdsAreErrorsPointingAtTheFirstUse() throws Exception {
        assertThat(errorAt("duplicate-ids", "module.yaml:10:9").message())
                .isEqualTo("two lessons have the id 'basics' (the other is at line 7)");
        assertThat(errorAt("duplicate-ids", "module.yaml:22:13").message())
                .isEqualTo("two questions have the id 'sky' (the other is at line 18)");
        assertThat(errorAt("duplicate-ids", "module.yaml:22:13").hint()).contains("use: sky");
        assertThat(errors("duplicate-ids")).as("nothing else is wrong").hasSize(2);
    }

    @Test
    void linksAndImagesThatPointNowhereAreErrorsAtTheirLine() throws Exception {
        assertThat(errorAt("broken-link", "content/en/basics/intro.md:3").message())
                .isEqualTo("the link 'next.md' points to content/en/basics/next.md, which does not exist");
        assertThat(errorAt("broken-link", "content/en/basics/intro.md:5").message())
                .isEqualTo("the image '../../../media/diagram.png' points to media/diagram.png, which does not exist");
    }

    @Test
    void anImageFromAnotherSiteIsAnError() throws Exception {
        DefinitionProblem error = errorAt("broken-link", "content/en/basics/intro.md:7");
        assertThat(error.message()).contains("is on another site");
        assertThat(error.hint()).contains("download the file into the module folder");
    }

    @Test
    void aLinkThatWouldRunScriptIsAnError() throws Exception {
        DefinitionProblem error = errorAt("script-link", "content/en/basics/intro.md:3");
        assertThat(error.message()).isEqualTo("the link 'javascript:alert(4)' uses a kind of address pages may not use");
    }

    @Test
    void aPageWithoutATitleIsAnError() throws Exception {
        DefinitionProblem error = errorAt("page-without-title", "content/en/basics/intro.md:1");
        assertThat(error.message()).isEqualTo("the page has no title");
    }

    @Test
    void anUnknownQuestionTypeIsAnErrorWithTheTypeItProbablyMeant() throws Exception {
        DefinitionProblem error = errorAt("unknown-question-type", "module.yaml:16:15");
        assertThat(errors("unknown-question-type")).as("no follow-on errors about the type's keys").hasSize(1);
        assertThat(error.message()).isEqualTo("question 'sky' has the unknown type 'single-choise'");
        assertThat(error.hint()).startsWith("did you mean 'single-choice'?");
    }

    @Test
    void aMasteryScoreWithoutAPostTestIsAnError() throws Exception {
        assertThat(errorAt("mastery-without-post-test", "module.yaml:6:15").message())
                .isEqualTo("masteryScore needs a post-test to score against");
    }

    @Test
    void quizzesMustBePlacedWhereTheirKindBelongs() throws Exception {
        assertThat(errorAt("misplaced-quizzes", "module.yaml:11:9").message())
                .isEqualTo("the post-test 'final' is listed in lesson 'basics'");
        assertThat(errorAt("misplaced-quizzes", "module.yaml:12:9").message())
                .isEqualTo("lesson 'basics' includes the quiz 'missing', which is not defined");
        assertThat(errorAt("misplaced-quizzes", "module.yaml:14:5").message())
                .isEqualTo("the check 'practice' is not used in any lesson");
    }

    @Test
    void aPageThatIsNotUtf8IsAnError() throws Exception {
        assertThat(errorAt("not-utf8", "content/en/basics/intro.md").message()).isEqualTo("the file is not valid UTF-8 text");
    }

    @Test
    void everyErrorOfADefinitionIsReportedAtOnce() throws Exception {
        assertThat(errors("many-errors")).extracting(p -> p.location() + " " + p.message()).containsExactly(
                "module.yaml:1:1 module.yaml has no 'description'",
                "module.yaml:1:5 the module id 'Many Errors' is not a valid id",
                "module.yaml:2:10 the version 'one' is not a version number",
                "module.yaml:5:1 unknown key 'descripton' in module.yaml",
                "module.yaml:6:15 masteryScore must be a whole number from 0 to 100, but it is the value '150'",
                "module.yaml:10:20 page 'missing-page' of lesson 'basics' has no 'en' text",
                "module.yaml:13:11 quiz 'final' has the unknown kind 'final-test'",
                "module.yaml:16:9 question 'sky' has no 'accept'");
    }

    @Test
    void aFolderWithoutModuleYamlIsAnError() {
        assertThatThrownBy(() -> new ModuleLoader().load(Path.of("src")))
                .isInstanceOf(DefinitionException.class).hasMessageContaining("has no module.yaml");
    }
}
