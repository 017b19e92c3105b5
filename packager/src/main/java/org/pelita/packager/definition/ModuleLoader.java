package org.pelita.packager.definition;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.pelita.packager.definition.yaml.YamlNode;
import org.pelita.packager.definition.yaml.YamlTreeReader;
import org.pelita.packager.model.ChangelogEntry;
import org.pelita.packager.model.Lesson;
import org.pelita.packager.model.LessonStep;
import org.pelita.packager.model.LocalizedText;
import org.pelita.packager.model.Module;
import org.pelita.packager.model.Page;
import org.pelita.packager.model.Question;
import org.pelita.packager.model.Quiz;
import org.pelita.packager.model.QuizKind;

/**
 * Loads a module folder ({@code module.yaml} and {@code content/<language>/<lesson>/<page>.md}) into a
 * {@link Module}, checking everything it can and reporting every error at once with file, line and a fix.
 */
public final class ModuleLoader {
    public static final String MODULE_FILE = "module.yaml";
    public static final String CONTENT_DIR = "content";
    public static final URI DEFAULT_QUICK_EXIT = URI.create("https://www.google.com/");

    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+){0,2}(-[0-9A-Za-z.-]+)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    /** Loads and checks a module; throws with every error found. */
    public LoadedModule load(Path moduleDir) throws DefinitionException {
        return new Run(moduleDir.toAbsolutePath().normalize()).load();
    }

    /** State of one load: the problems found so far and what has been read. */
    private static final class Run {
        private final Path dir;
        private final Problems problems = new Problems();
        private final Values values = new Values(problems);
        private Texts texts;
        private final Map<String, Question> questionsById = new LinkedHashMap<>();
        private final Map<String, SourceLocation> questionLocations = new HashMap<>();
        /** Where each quiz id was written, including quizzes that failed to load (to avoid follow-on errors). */
        private final Map<String, SourceLocation> quizLocations = new HashMap<>();

        Run(Path dir) {
            this.dir = dir;
        }

        LoadedModule load() throws DefinitionException {
            Path yaml = dir.resolve(MODULE_FILE);
            if (!Files.isDirectory(dir)) {
                problems.error(SourceLocation.of(dir.toString()), "the module folder does not exist",
                        "give the folder that holds module.yaml");
                problems.throwIfErrors();
            }
            if (!Files.isRegularFile(yaml)) {
                problems.error(SourceLocation.of(MODULE_FILE), "the folder " + dir + " has no module.yaml",
                        "create module.yaml there (see docs/authoring.md), or give the right folder");
                problems.throwIfErrors();
            }
            Optional<YamlNode> root = SourceFiles.readUtf8(yaml, SourceLocation.of(MODULE_FILE), problems)
                    .flatMap(text -> new YamlTreeReader(MODULE_FILE, problems).read(new StringReader(text)));
            problems.throwIfErrors();
            Fields top = Fields.of(root.orElseThrow(), "module.yaml", problems).orElse(null);
            problems.throwIfErrors();

            Optional<String> id = top.required("id", "id: digital-safety-basics").flatMap(n -> values.id(n, "the module id"));
            Optional<String> version = top.required("version", "version: 1.0.0").flatMap(this::version);
            List<String> languages = top.required("languages", "languages: [en, id, th, vi]").map(this::languages).orElse(List.of());
            if (languages.isEmpty()) {
                top.rejectUnknown();
                problems.throwIfErrors();
            }
            texts = new Texts(languages, problems);
            Optional<LocalizedText> title = top.required("title", "title: { " + languages.get(0) + ": ... }")
                    .flatMap(n -> texts.read(n, "the module title"));
            Optional<LocalizedText> description = top.required("description", "description: { " + languages.get(0) + ": ... }")
                    .flatMap(n -> texts.read(n, "the module description"));
            Optional<YamlNode> masteryNode = top.optional("masteryScore");
            OptionalInt mastery = masteryNode.flatMap(n -> values.integer(n, "masteryScore", 0, 100))
                    .map(OptionalInt::of).orElse(OptionalInt.empty());
            URI quickExit = top.optional("quickExit").flatMap(this::quickExit).orElse(DEFAULT_QUICK_EXIT);
            Map<String, Map<String, String>> ui = UiTexts.resolve(languages, top.optional("ui"), problems);
            List<ChangelogEntry> changelog = top.optional("changelog").map(this::changelog).orElse(List.of());

            Map<String, Quiz> quizzes = top.optional("quizzes").map(this::quizzes).orElse(Map.of());
            Assets assets = new Assets(dir, problems);
            List<LessonDraft> lessonDrafts = top.required("lessons", "lessons:")
                    .flatMap(n -> values.list(n, "lessons", 1)).map(this::lessons).orElse(List.of());
            top.rejectUnknown();

            Optional<Quiz> preTest = single(quizzes, QuizKind.PRE_TEST);
            Optional<Quiz> postTest = single(quizzes, QuizKind.POST_TEST);
            checkQuizPlacement(quizzes, lessonDrafts);
            if (mastery.isPresent() && postTest.isEmpty()) {
                problems.error(masteryNode.get().location(), "masteryScore needs a post-test to score against",
                        "add a quiz with `kind: post-test`, or remove masteryScore");
            }
            List<Lesson> lessons = renderPages(lessonDrafts, quizzes, languages, assets);
            problems.throwIfErrors();
            Module module = new Module(id.orElseThrow(), version.orElseThrow(), languages, title.orElseThrow(),
                    description.orElseThrow(), mastery, quickExit, preTest, lessons, postTest, assets.all(), ui, changelog);
            return new LoadedModule(module, problems.warnings());
        }

        /** changelog: a list of {version, date?, changes: [texts]}, each version once. */
        private List<ChangelogEntry> changelog(YamlNode node) {
            List<ChangelogEntry> entries = new ArrayList<>();
            Map<String, SourceLocation> seen = new HashMap<>();
            for (YamlNode item : values.list(node, "changelog", 1).orElse(List.of())) {
                Fields fields = Fields.of(item, "a changelog entry", problems).orElse(null);
                if (fields == null) {
                    continue;
                }
                Optional<String> version = fields.required("version", "version: 1.0.0").flatMap(this::version);
                Optional<String> date = fields.optional("date").flatMap(n -> values.text(n, "the changelog date").filter(text -> {
                    if (!DATE.matcher(text).matches()) {
                        problems.error(n.location(), "the changelog date '" + text + "' is not a date", "write it as YYYY-MM-DD");
                        return false;
                    }
                    return true;
                }));
                List<String> changes = new ArrayList<>();
                fields.required("changes", "changes: [what changed]").flatMap(n -> values.list(n, "the changes", 1))
                        .ifPresent(list -> list.forEach(n -> values.text(n, "a change").ifPresent(changes::add)));
                fields.rejectUnknown();
                if (version.isPresent() && seen.containsKey(version.get())) {
                    problems.error(fields.location(), "the changelog has version " + version.get() + " twice (the other is at line "
                            + seen.get(version.get()).line() + ")", "write each version's changes in one entry");
                } else if (version.isPresent()) {
                    seen.put(version.get(), fields.location());
                    entries.add(new ChangelogEntry(version.get(), date, changes));
                }
            }
            return entries;
        }

        private Optional<String> version(YamlNode node) {
            Optional<String> text = values.text(node, "the module version");
            if (text.isPresent() && !VERSION.matcher(text.get()).matches()) {
                problems.error(node.location(), "the version '" + text.get() + "' is not a version number",
                        "write it as MAJOR.MINOR.PATCH, e.g. 1.0.0 or 1.2.0-pilot");
                return Optional.empty();
            }
            return text;
        }

        private List<String> languages(YamlNode node) {
            Optional<List<YamlNode>> items = node instanceof YamlNode.Scalar ? Optional.of(List.of(node))
                    : values.list(node, "languages", 1);
            List<String> languages = new ArrayList<>();
            for (YamlNode item : items.orElse(List.of())) {
                Optional<String> tag = values.text(item, "a language");
                if (tag.isEmpty()) {
                    continue;
                }
                if (!LANGUAGE.matcher(tag.get()).matches()) {
                    problems.error(item.location(), "'" + tag.get() + "' is not a language tag",
                            "use BCP 47 tags such as en, id, th, vi, ms, fil, km or my");
                } else if (languages.contains(tag.get())) {
                    problems.error(item.location(), "the language '" + tag.get() + "' is listed twice", "remove one");
                } else {
                    languages.add(tag.get());
                }
            }
            return languages;
        }

        private Optional<URI> quickExit(YamlNode node) {
            Optional<String> text = values.text(node, "quickExit");
            try {
                if (text.isPresent()) {
                    URI uri = new URI(text.get());
                    if ("https".equals(uri.getScheme()) && uri.getHost() != null) {
                        return Optional.of(uri);
                    }
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            if (text.isPresent()) {
                problems.error(node.location(), "quickExit '" + text.get() + "' is not an https:// address",
                        "give the full address of a neutral page, e.g. https://www.google.com/");
            }
            return Optional.empty();
        }

        // ---- quizzes -------------------------------------------------------------------------------

        private record QuizEntry(Question question, String usedId, SourceLocation location) {
        }

        private record QuizDraft(String id, QuizKind kind, LocalizedText title, Optional<LocalizedText> intro,
                                 List<QuizEntry> entries, SourceLocation location) {
        }

        private Map<String, Quiz> quizzes(YamlNode node) {
            List<QuizDraft> drafts = new ArrayList<>();
            Map<String, SourceLocation> seen = quizLocations;
            for (YamlNode item : values.list(node, "quizzes", 1).orElse(List.of())) {
                Fields fields = Fields.of(item, "a quiz", problems).orElse(null);
                if (fields == null) {
                    continue;
                }
                Optional<String> id = fields.required("id", "id: pre-test").flatMap(n -> values.id(n, "the quiz id"));
                String what = "quiz '" + id.orElse("?") + "'";
                if (id.isPresent() && seen.containsKey(id.get())) {
                    problems.error(fields.optional("id").get().location(), "two quizzes have the id '" + id.get()
                            + "' (the other is at line " + seen.get(id.get()).line() + ")", "give each quiz its own id");
                    id = Optional.empty();
                }
                id.ifPresent(i -> seen.put(i, fields.location()));
                Optional<QuizKind> kind = fields.required("kind", "kind: pre-test").flatMap(n -> values.text(n, what + " kind")
                        .flatMap(text -> {
                            QuizKind k = QuizKind.fromKeyword(text);
                            if (k == null) {
                                problems.error(n.location(), what + " has the unknown kind '" + text + "'",
                                        "use pre-test, check or post-test");
                            }
                            return Optional.ofNullable(k);
                        }));
                Optional<LocalizedText> title = fields.required("title", "title: { " + texts.languages().get(0) + ": ... }")
                        .flatMap(n -> texts.read(n, what + " title"));
                Optional<LocalizedText> intro = fields.optional("intro").flatMap(n -> texts.read(n, what + " intro"));
                List<QuizEntry> entries = fields.required("questions", "questions:")
                        .flatMap(n -> values.list(n, what + " questions", 1))
                        .map(list -> questions(list, what)).orElse(List.of());
                fields.rejectUnknown();
                // As for lessons: a quiz without its title stays, so a mastery score does not also lack its post-test.
                if (id.isPresent() && kind.isPresent()) {
                    drafts.add(new QuizDraft(id.get(), kind.get(), title.orElse(UNTITLED), intro, entries, fields.location()));
                }
            }
            Map<String, Quiz> quizzes = new LinkedHashMap<>();
            for (QuizDraft draft : drafts) {
                List<Question> questions = new ArrayList<>();
                Set<String> inQuiz = new LinkedHashSet<>();
                for (QuizEntry entry : draft.entries()) {
                    Question question = entry.question() != null ? entry.question() : questionsById.get(entry.usedId());
                    if (question == null && questionLocations.containsKey(entry.usedId())) {
                        continue; // defined, with errors already reported
                    }
                    if (question == null) {
                        problems.error(entry.location(), "quiz '" + draft.id() + "' uses the question '" + entry.usedId()
                                + "', which no quiz defines", "check the id, or define the question with `id: " + entry.usedId() + "`");
                        continue;
                    }
                    if (!inQuiz.add(question.id())) {
                        problems.error(entry.location(), "quiz '" + draft.id() + "' has the question '" + question.id() + "' twice",
                                "remove the second one");
                        continue;
                    }
                    questions.add(question);
                }
                quizzes.put(draft.id(), new Quiz(draft.id(), draft.kind(), draft.title(), draft.intro(), questions));
            }
            return quizzes;
        }

        private List<QuizEntry> questions(List<YamlNode> nodes, String quizWhat) {
            List<QuizEntry> entries = new ArrayList<>();
            QuestionReader reader = new QuestionReader(texts, problems);
            for (int i = 0; i < nodes.size(); i++) {
                Fields fields = Fields.of(nodes.get(i), "question " + (i + 1) + " of " + quizWhat, problems).orElse(null);
                if (fields == null) {
                    continue;
                }
                if (fields.has("use")) {
                    Optional<String> used = fields.optional("use").flatMap(n -> values.id(n, "the question used"));
                    fields.rejectUnknown();
                    used.ifPresent(u -> entries.add(new QuizEntry(null, u, fields.location())));
                    continue;
                }
                Optional<String> id = fields.required("id", "id: strong-password").flatMap(n -> values.id(n, "the question id"));
                if (id.isEmpty()) {
                    fields.rejectUnknown();
                    continue;
                }
                boolean duplicate = questionLocations.containsKey(id.get());
                if (duplicate) {
                    problems.error(fields.optional("id").get().location(), "two questions have the id '" + id.get()
                            + "' (the other is at line " + questionLocations.get(id.get()).line() + ")",
                            "give each question its own id; to ask the same question again, write `- use: " + id.get() + "`");
                } else {
                    questionLocations.put(id.get(), fields.location());
                }
                Optional<Question> question = reader.read(fields, id.get()).filter(q -> !duplicate);
                question.ifPresent(q -> {
                    questionsById.put(q.id(), q);
                    entries.add(new QuizEntry(q, null, fields.location()));
                });
            }
            return entries;
        }

        private Optional<Quiz> single(Map<String, Quiz> quizzes, QuizKind kind) {
            List<Quiz> found = quizzes.values().stream().filter(q -> q.kind() == kind).toList();
            if (found.size() > 1) {
                problems.error(quizLocations.get(found.get(1).id()), "the module has " + found.size() + " quizzes of kind " + kind.keyword()
                        + " (" + String.join(", ", found.stream().map(Quiz::id).toList()) + ")",
                        "keep one " + kind.keyword() + "; use `kind: check` for practice quizzes inside lessons");
            }
            return found.stream().findFirst();
        }

        // ---- lessons -------------------------------------------------------------------------------

        private record StepDraft(String pageId, String quizId, SourceLocation location) {
        }

        /** The title of a lesson or quiz whose title has an error: the module is not built, so it is never shown. */
        private static final LocalizedText UNTITLED = new LocalizedText(Map.of());

        private record LessonDraft(String id, LocalizedText title, List<StepDraft> steps) {
        }

        private List<LessonDraft> lessons(List<YamlNode> nodes) {
            List<LessonDraft> lessons = new ArrayList<>();
            Map<String, SourceLocation> seen = new HashMap<>();
            for (YamlNode node : nodes) {
                Fields fields = Fields.of(node, "a lesson", problems).orElse(null);
                if (fields == null) {
                    continue;
                }
                Optional<String> id = fields.required("id", "id: passwords").flatMap(n -> values.id(n, "the lesson id"));
                if (id.isPresent() && seen.containsKey(id.get())) {
                    problems.error(fields.optional("id").get().location(), "two lessons have the id '" + id.get()
                            + "' (the other is at line " + seen.get(id.get()).line() + ")", "give each lesson its own id");
                    id = Optional.empty();
                }
                id.ifPresent(i -> seen.put(i, fields.location()));
                String what = "lesson '" + id.orElse("?") + "'";
                Optional<LocalizedText> title = fields.required("title", "title: { " + texts.languages().get(0) + ": ... }")
                        .flatMap(n -> texts.read(n, what + " title"));
                List<StepDraft> steps = fields.required("pages", "pages: [first-page, second-page]")
                        .flatMap(n -> values.list(n, what + " pages", 1))
                        .map(list -> steps(list, what)).orElse(List.of());
                fields.rejectUnknown();
                // A missing title is already an error; the lesson stays, so that its pages are still checked and are not
                // also reported as listed nowhere (a translator adding a language would otherwise read every page twice).
                if (id.isPresent()) {
                    lessons.add(new LessonDraft(id.get(), title.orElse(UNTITLED), steps));
                }
            }
            return lessons;
        }

        private List<StepDraft> steps(List<YamlNode> nodes, String lessonWhat) {
            List<StepDraft> steps = new ArrayList<>();
            Map<String, SourceLocation> pages = new HashMap<>();
            for (YamlNode node : nodes) {
                if (node instanceof YamlNode.Mapping) {
                    Fields fields = Fields.of(node, "a step of " + lessonWhat, problems).orElseThrow();
                    Optional<String> quiz = fields.required("quiz", "quiz: passwords-check").flatMap(n -> values.id(n, "the quiz"));
                    fields.rejectUnknown();
                    quiz.ifPresent(q -> steps.add(new StepDraft(null, q, node.location())));
                    continue;
                }
                Optional<String> page = values.id(node, "the page of " + lessonWhat);
                if (page.isEmpty()) {
                    continue;
                }
                if (pages.containsKey(page.get())) {
                    problems.error(node.location(), lessonWhat + " lists the page '" + page.get() + "' twice", "remove one");
                    continue;
                }
                pages.put(page.get(), node.location());
                steps.add(new StepDraft(page.get(), null, node.location()));
            }
            return steps;
        }

        /** Checks go inside lessons, once each; pre- and post-tests are placed around the lessons, never inside. */
        private void checkQuizPlacement(Map<String, Quiz> quizzes, List<LessonDraft> lessons) {
            Map<String, SourceLocation> placed = new HashMap<>();
            for (LessonDraft lesson : lessons) {
                for (StepDraft step : lesson.steps()) {
                    if (step.quizId() == null) {
                        continue;
                    }
                    Quiz quiz = quizzes.get(step.quizId());
                    if (quiz == null) {
                        if (!quizLocations.containsKey(step.quizId())) {
                            problems.error(step.location(), "lesson '" + lesson.id() + "' includes the quiz '" + step.quizId()
                                    + "', which is not defined", "define it under `quizzes:` with `kind: check`, or fix the id");
                        }
                    } else if (quiz.kind() != QuizKind.CHECK) {
                        problems.error(step.location(), "the " + quiz.kind().keyword() + " '" + quiz.id() + "' is listed in lesson '"
                                + lesson.id() + "'", "remove it here: the " + quiz.kind().keyword() + " is placed "
                                + (quiz.kind() == QuizKind.PRE_TEST ? "before" : "after") + " the lessons automatically");
                    } else if (placed.containsKey(quiz.id())) {
                        problems.error(step.location(), "the check '" + quiz.id() + "' is already used at line "
                                + placed.get(quiz.id()).line(), "use each check once; define another check for another place");
                    } else {
                        placed.put(quiz.id(), step.location());
                    }
                }
            }
            for (Quiz quiz : quizzes.values()) {
                if (quiz.kind() == QuizKind.CHECK && !placed.containsKey(quiz.id())) {
                    problems.error(quizLocations.get(quiz.id()), "the check '" + quiz.id() + "' is not used in any lesson",
                            "add `- quiz: " + quiz.id() + "` to a lesson's pages, or remove the quiz");
                }
            }
        }

        // ---- pages ---------------------------------------------------------------------------------

        private Path pageFile(String language, String lesson, String page) {
            return dir.resolve(CONTENT_DIR).resolve(language).resolve(lesson).resolve(page + ".md");
        }

        static String pageKey(String lesson, String page) {
            return "page:" + lesson + "/" + page;
        }

        private List<Lesson> renderPages(List<LessonDraft> drafts, Map<String, Quiz> quizzes, List<String> languages, Assets assets) {
            Map<Path, PageLinks.PageRef> refs = new HashMap<>();
            for (LessonDraft lesson : drafts) {
                for (StepDraft step : lesson.steps()) {
                    if (step.pageId() == null) {
                        continue;
                    }
                    for (String language : languages) {
                        Path file = pageFile(language, lesson.id(), step.pageId());
                        if (Files.isRegularFile(file)) {
                            refs.put(file, new PageLinks.PageRef(language, pageKey(lesson.id(), step.pageId())));
                        } else {
                            problems.error(step.location(), "page '" + step.pageId() + "' of lesson '" + lesson.id()
                                    + "' has no '" + language + "' text", "create " + dir.relativize(file).toString().replace('\\', '/'));
                        }
                    }
                }
            }
            warnUnlistedPages(refs.keySet());
            PageLinks links = new PageLinks(refs);
            MarkdownPages markdown = new MarkdownPages(dir, problems, assets);
            List<Lesson> lessons = new ArrayList<>();
            for (LessonDraft lesson : drafts) {
                List<LessonStep> steps = new ArrayList<>();
                for (StepDraft step : lesson.steps()) {
                    if (step.quizId() != null) {
                        Quiz quiz = quizzes.get(step.quizId());
                        if (quiz != null) {
                            steps.add(new LessonStep.CheckStep(quiz));
                        }
                        continue;
                    }
                    Map<String, Page.PageContent> content = new LinkedHashMap<>();
                    for (String language : languages) {
                        Path file = pageFile(language, lesson.id(), step.pageId());
                        if (refs.containsKey(file)) {
                            markdown.render(file, language, links).ifPresent(c -> content.put(language, c));
                        }
                    }
                    steps.add(new LessonStep.PageStep(new Page(step.pageId(), content)));
                }
                lessons.add(new Lesson(lesson.id(), lesson.title(), steps));
            }
            return lessons;
        }

        /** A Markdown file nobody lists is usually a page the author forgot to add to module.yaml. */
        private void warnUnlistedPages(Set<Path> listed) {
            Path content = dir.resolve(CONTENT_DIR);
            if (!Files.isDirectory(content)) {
                return;
            }
            try (Stream<Path> files = Files.walk(content)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                    if (!listed.contains(file)) {
                        problems.warning(SourceLocation.of(dir.relativize(file).toString().replace('\\', '/')),
                                "this page is not listed in module.yaml and will not be in the package",
                                "list it under its lesson's `pages:`, or delete it");
                    }
                }
            } catch (IOException e) {
                problems.error(SourceLocation.of(CONTENT_DIR), "cannot list the content folder: " + e.getMessage(), null);
            }
        }
    }
}
