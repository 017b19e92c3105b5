package org.pelita.lrs.research;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.pelita.lrs.packages.ReleaseVersion;
import org.pelita.lrs.store.ReportFilter;
import org.pelita.lrs.store.ReportStore;
import org.pelita.lrs.xapi.Json;

/**
 * The research reports (docs/reports.md): completion funnel, quiz score distributions, item analysis, pre-test against
 * post-test, time on task. Counts are of distinct learners; a learner's "first submission" of a quiz is what they
 * answered the first time, before any retake, which is what an evaluation compares. Broken down by module version
 * ({@link By#VERSION}), each report gives a row per module version (per quiz and version), and is otherwise the same
 * report as each version's own ({@code version=} filter) would give.
 */
public final class Reports {
    private final ReportStore store;

    public Reports(ReportStore store) {
        this.store = store;
    }

    /** How a report's rows are broken down: one per module (quiz, question), or one per module version of each. */
    public enum By {
        NONE, VERSION
    }

    /** A report's answer: written as JSON as it is, or as CSV from its {@link #table()}. */
    public interface Report {
        Table table();
    }

    /** Module versions in release order (1.9.0 before 1.10.0, a pre-release before its release), as latest is chosen. */
    static final Comparator<String> VERSION_ORDER = ReleaseVersion.ORDER;

    /** What a report row is about: a module or a quiz, and its module version when broken down by version (else null). */
    record Part(String id, String version) implements Comparable<Part> {
        private static final Comparator<Part> ORDER = Comparator.comparing(Part::id)
                .thenComparing(Part::version, Comparator.nullsFirst(VERSION_ORDER));

        static Part of(String id, String version, By by) {
            return new Part(id, by == By.VERSION ? version : null);
        }

        @Override
        public int compareTo(Part other) {
            return ORDER.compare(this, other);
        }
    }

    /** A CSV row (or header) with the version in column {@code at} when the report is broken down by version. */
    private static List<Object> versioned(By by, int at, Object version, List<Object> row) {
        if (by != By.VERSION) {
            return row;
        }
        List<Object> copy = new ArrayList<>(row);
        copy.add(at, version);
        return copy;
    }

    private static List<String> header(By by, int at, String... columns) {
        List<String> header = new ArrayList<>(List.of(columns));
        if (by == By.VERSION) {
            header.add(at, "version");
        }
        return header;
    }

    // ---- modules (for the filters)

    /** A module; broken down by version, a module version (then versions is that one). */
    public record ModuleInfo(String id, @JsonInclude(JsonInclude.Include.NON_NULL) String version, JsonNode name, List<String> versions,
                             List<String> languages, int learners) {
    }

    public record Modules(@JsonIgnore By by, List<ModuleInfo> modules) implements Report {
        @Override
        public Table table() {
            List<List<Object>> rows = new ArrayList<>();
            modules.forEach(m -> rows.add(versioned(by, 1, m.version(), List.of(m.id(), Names.english(m.name()),
                    String.join(" ", m.versions()), String.join(" ", m.languages()), m.learners()))));
            return new Table(header(by, 1, "module", "name", "versions", "languages", "learners"), rows);
        }
    }

    /** Broken down by version, statements without one (an LMS's launched) are left out: they are of no version. */
    public Modules modules(ReportFilter filter, By by) {
        Map<Part, Set<String>> versions = new TreeMap<>();
        Map<Part, Set<String>> languages = new TreeMap<>();
        for (ReportStore.ModuleUse use : store.modules(filter)) {
            if (by == By.VERSION && use.version() == null) {
                continue;
            }
            Part part = Part.of(use.module(), use.version(), by);
            versions.computeIfAbsent(part, m -> new TreeSet<>());
            languages.computeIfAbsent(part, m -> new TreeSet<>());
            if (use.version() != null) {
                versions.get(part).add(use.version());
            }
            if (use.language() != null) {
                languages.get(part).add(use.language());
            }
        }
        Map<Part, Integer> learners = new HashMap<>();
        store.learners(filter, by == By.VERSION).forEach(l -> learners.put(new Part(l.module(), l.version()), l.learners()));
        Names names = names(versions.keySet().stream().map(Part::id).toList());
        return new Modules(by, versions.keySet().stream().map(part -> new ModuleInfo(part.id(), part.version(), names.of(part.id()),
                List.copyOf(versions.get(part)), List.copyOf(languages.get(part)), learners.getOrDefault(part, 0))).toList());
    }

    // ---- completion funnel

    public record LessonFunnel(String id, JsonNode name, int started, int finished) {
    }

    public record ModuleFunnel(String id, @JsonInclude(JsonInclude.Include.NON_NULL) String version, JsonNode name, int launched,
                               int completed, int passed, int failed, List<LessonFunnel> lessons) {
    }

    public record Funnel(@JsonIgnore By by, List<ModuleFunnel> modules) implements Report {
        @Override
        public Table table() {
            List<List<Object>> rows = new ArrayList<>();
            for (ModuleFunnel m : modules) {
                rows.add(versioned(by, 1, m.version(), List.of(m.id(), "", Names.english(m.name()), m.launched(), m.completed(), m.passed(),
                        m.failed(), "", "")));
                for (LessonFunnel l : m.lessons()) {
                    rows.add(versioned(by, 1, m.version(), List.of(m.id(), l.id(), Names.english(l.name()), "", "", "", "", l.started(),
                            l.finished())));
                }
            }
            return new Table(header(by, 1, "module", "lesson", "name", "launched", "completed", "passed", "failed", "started",
                    "finished"), rows);
        }
    }

    /**
     * Per module, learners who launched it, completed it, passed and failed it; per lesson, learners who saw one of its
     * pages (started) and who saw every page of it that any learner saw (finished: the LRS knows a lesson's pages only
     * from the statements about them).
     */
    public Funnel funnel(ReportFilter filter, By by) {
        boolean byVersion = by == By.VERSION;
        Map<Part, Map<String, Integer>> stages = new TreeMap<>();
        store.stages(filter, byVersion).forEach(s -> stages.computeIfAbsent(new Part(s.module(), s.version()), m -> new HashMap<>())
                .put(s.verb(), s.learners()));
        Map<Part, Map<String, List<Integer>>> visits = new TreeMap<>();
        store.lessonVisits(filter, byVersion).forEach(v -> visits.computeIfAbsent(new Part(v.module(), v.version()), m -> new TreeMap<>())
                .computeIfAbsent(v.lesson(), l -> new ArrayList<>()).add(v.pages()));
        Set<Part> parts = new TreeSet<>(stages.keySet());
        parts.addAll(visits.keySet());
        Set<String> named = new HashSet<>();
        parts.forEach(part -> named.add(part.id()));
        visits.values().forEach(lessons -> named.addAll(lessons.keySet()));
        Names names = names(named);
        List<ModuleFunnel> modules = new ArrayList<>();
        for (Part part : parts) {
            Map<String, Integer> counts = stages.getOrDefault(part, Map.of());
            List<LessonFunnel> lessons = new ArrayList<>();
            visits.getOrDefault(part, Map.of()).forEach((lesson, pages) -> {
                int most = pages.stream().mapToInt(Integer::intValue).max().orElse(0);
                lessons.add(new LessonFunnel(lesson, names.of(lesson), pages.size(), (int) pages.stream().filter(p -> p == most).count()));
            });
            modules.add(new ModuleFunnel(part.id(), part.version(), names.of(part.id()), counts.getOrDefault("launched", 0),
                    counts.getOrDefault("completed", 0), counts.getOrDefault("passed", 0), counts.getOrDefault("failed", 0), lessons));
        }
        return new Funnel(by, modules);
    }

    // ---- quizzes

    public record Bin(double from, double to, int count) {
    }

    public record QuizScores(String id, String module, @JsonInclude(JsonInclude.Include.NON_NULL) String version, String kind,
                             JsonNode name, int learners, Double mean, Double median, List<Bin> distribution) {
    }

    public record Quizzes(@JsonIgnore By by, List<QuizScores> quizzes) implements Report {
        @Override
        public Table table() {
            List<String> header = header(by, 2, "quiz", "module", "kind", "name", "learners", "mean", "median");
            for (int i = 0; i < 10; i++) {
                header.add(String.format("%d-%d%%", i * 10, i == 9 ? 100 : i * 10 + 10));
            }
            List<List<Object>> rows = new ArrayList<>();
            for (QuizScores q : quizzes) {
                List<Object> row = new ArrayList<>(versioned(by, 2, q.version(), Arrays.asList(q.id(), q.module(), q.kind(),
                        Names.english(q.name()), q.learners(), q.mean(), q.median())));
                q.distribution().forEach(b -> row.add(b.count()));
                rows.add(row);
            }
            return new Table(header, rows);
        }
    }

    /** Score distribution of each quiz: each learner's first submission (a retake does not count again). */
    public Quizzes quizzes(ReportFilter filter, By by) {
        Map<Part, Map<UUID, ReportStore.QuizSubmission>> first = firstSubmissions(store.quizSubmissions(filter), by);
        Names names = names(first.keySet().stream().map(Part::id).toList());
        List<QuizScores> quizzes = new ArrayList<>();
        first.forEach((quiz, byLearner) -> {
            ReportStore.QuizSubmission any = byLearner.values().iterator().next();
            double[] scores = byLearner.values().stream().filter(s -> s.score() != null).mapToDouble(ReportStore.QuizSubmission::score).toArray();
            int[] bins = Statistics.histogram(scores);
            List<Bin> distribution = new ArrayList<>();
            for (int i = 0; i < bins.length; i++) {
                distribution.add(new Bin(i / 10.0, (i + 1) / 10.0, bins[i]));
            }
            Statistics.Quartiles quartiles = Statistics.quartiles(scores);
            quizzes.add(new QuizScores(quiz.id(), any.module(), quiz.version(), any.kind(), names.of(quiz.id()), byLearner.size(),
                    Statistics.mean(scores), quartiles == null ? null : quartiles.median(), distribution));
        });
        return new Quizzes(by, quizzes);
    }

    /** Per quiz (and version), each learner's first submission (the rows come oldest first). */
    private static Map<Part, Map<UUID, ReportStore.QuizSubmission>> firstSubmissions(List<ReportStore.QuizSubmission> submissions, By by) {
        Map<Part, Map<UUID, ReportStore.QuizSubmission>> first = new TreeMap<>();
        for (ReportStore.QuizSubmission s : submissions) {
            first.computeIfAbsent(Part.of(s.quiz(), s.version(), by), q -> new LinkedHashMap<>()).putIfAbsent(s.learner(), s);
        }
        return first;
    }

    // ---- item analysis

    public record ResponseCount(String response, JsonNode label, int count, boolean correct) {
    }

    public record QuestionAnalysis(String id, JsonNode name, String type, int answers, Double difficulty, Double discrimination,
                                   Double upperLower, List<ResponseCount> responses) {
    }

    public record Questions(String quiz, int learners, List<QuestionAnalysis> questions) implements Report {
        @Override
        public Table table() {
            List<List<Object>> rows = new ArrayList<>();
            for (QuestionAnalysis q : questions) {
                rows.add(Arrays.asList(quiz, q.id(), Names.english(q.name()), q.type(), q.answers(), q.difficulty(), q.discrimination(),
                        q.upperLower(), "", "", "", ""));
                for (ResponseCount r : q.responses()) {
                    rows.add(Arrays.asList(quiz, q.id(), Names.english(q.name()), q.type(), "", "", "", "", r.response(),
                            Names.english(r.label()), r.count(), r.correct()));
                }
            }
            return new Table(List.of("quiz", "question", "name", "type", "answers", "difficulty", "discrimination", "upper_lower",
                    "response", "label", "count", "correct"), rows);
        }
    }

    /** Learners of a module version who answered the quiz. */
    public record VersionLearners(String version, int learners) {
    }

    /** A question's item analysis in one module version, with the revision its IRI names there (null: the IRI has none). */
    public record QuestionInVersion(String version, String revision, @JsonUnwrapped QuestionAnalysis analysis) {
    }

    /**
     * One question (its id: the IRI without its revision) across the versions of the report: whether its revision differs
     * between the versions that asked it, whether the first version did not ask it (added) and the last did not (removed),
     * and its item analysis in each version that asked it. A flagged question's answers do not compare across versions.
     */
    public record QuestionAcrossVersions(String questionId, boolean revisionChanged, boolean added, boolean removed,
                                         List<QuestionInVersion> versions) {
    }

    /** Item analysis broken down by module version: the learners of each version, and each question across them. */
    public record QuestionsByVersion(String quiz, List<VersionLearners> versions, List<QuestionAcrossVersions> questions) implements Report {
        @Override
        public Table table() {
            List<List<Object>> rows = new ArrayList<>();
            for (QuestionAcrossVersions question : questions) {
                for (QuestionInVersion v : question.versions()) {
                    QuestionAnalysis q = v.analysis();
                    List<Object> flags = Arrays.asList(quiz, v.version(), question.questionId(), v.revision(), question.revisionChanged(),
                            question.added(), question.removed(), q.id(), Names.english(q.name()), q.type());
                    List<Object> row = new ArrayList<>(flags);
                    row.addAll(Arrays.asList(q.answers(), q.difficulty(), q.discrimination(), q.upperLower(), "", "", "", ""));
                    rows.add(row);
                    for (ResponseCount r : q.responses()) {
                        row = new ArrayList<>(flags);
                        row.addAll(Arrays.asList("", "", "", "", r.response(), Names.english(r.label()), r.count(), r.correct()));
                        rows.add(row);
                    }
                }
            }
            return new Table(List.of("quiz", "version", "question_id", "revision", "revision_changed", "added", "removed", "question",
                    "name", "type", "answers", "difficulty", "discrimination", "upper_lower", "response", "label", "count", "correct"), rows);
        }
    }

    /**
     * A question's activity IRI split into its question id and its revision (docs/xapi-profile.md, "Question revisions"):
     * {@code <module>/questions/<quiz>/<question>/<revision>}, the revision 12 lowercase hex digits. An IRI of a package
     * built before revisions, {@code <module>/questions/<quiz>/<question>}, has none, even when its question id looks like
     * one: a revision is a third segment after {@code /questions/}.
     */
    record QuestionIri(String questionId, String revision) {
        private static final Pattern REVISION = Pattern.compile("[0-9a-f]{12}");

        static QuestionIri of(String iri) {
            int at = iri.lastIndexOf("/questions/");
            int last = iri.lastIndexOf('/');
            if (at >= 0 && last > at + "/questions/".length()) {
                String rest = iri.substring(at + "/questions/".length(), last);
                String segment = iri.substring(last + 1);
                if (rest.indexOf('/') > 0 && REVISION.matcher(segment).matches()) {
                    return new QuestionIri(iri.substring(0, last), segment);
                }
            }
            return new QuestionIri(iri, null);
        }
    }

    /**
     * Item analysis of one quiz from each learner's first answer to each of its questions: difficulty (share right),
     * discrimination (corrected point-biserial) and the upper–lower index, and how often each response (each choice, for
     * choice questions) was given.
     */
    public Questions questions(ReportFilter filter, String quiz) {
        List<ReportStore.Answer> answers = store.answers(filter, module(quiz), quiz);
        Map<String, String> definitions = store.activities(answers.stream().map(ReportStore.Answer::question).distinct().toList());
        ItemAnalysis analysis = analyse(answers, definitions);
        return new Questions(quiz, analysis.learners(), analysis.questions());
    }

    /** The item analysis of each module version, per question id, with the flags that say which questions changed. */
    public QuestionsByVersion questionsByVersion(ReportFilter filter, String quiz) {
        Map<String, List<ReportStore.Answer>> byVersion = new TreeMap<>(VERSION_ORDER);
        List<ReportStore.Answer> answers = store.answers(filter, module(quiz), quiz);
        answers.stream().filter(a -> a.version() != null)
                .forEach(a -> byVersion.computeIfAbsent(a.version(), v -> new ArrayList<>()).add(a));
        Map<String, String> definitions = store.activities(answers.stream().map(ReportStore.Answer::question).distinct().toList());
        List<VersionLearners> versions = new ArrayList<>();
        Map<String, List<QuestionInVersion>> questions = new TreeMap<>();
        byVersion.forEach((version, inVersion) -> {
            ItemAnalysis analysis = analyse(inVersion, definitions);
            versions.add(new VersionLearners(version, analysis.learners()));
            for (QuestionAnalysis q : analysis.questions()) {
                QuestionIri iri = QuestionIri.of(q.id());
                questions.computeIfAbsent(iri.questionId(), id -> new ArrayList<>()).add(new QuestionInVersion(version, iri.revision(), q));
            }
        });
        String first = versions.isEmpty() ? null : versions.get(0).version();
        String last = versions.isEmpty() ? null : versions.get(versions.size() - 1).version();
        List<QuestionAcrossVersions> across = new ArrayList<>();
        questions.forEach((id, inVersions) -> {
            Set<String> asked = new HashSet<>();
            Set<String> revisions = new HashSet<>(); // null, an IRI without a revision, differs from every revision
            inVersions.forEach(v -> {
                asked.add(v.version());
                revisions.add(v.revision());
            });
            across.add(new QuestionAcrossVersions(id, revisions.size() > 1, !asked.contains(first), !asked.contains(last), inVersions));
        });
        return new QuestionsByVersion(quiz, versions, across);
    }

    /** The module of a quiz IRI. */
    private static String module(String quiz) {
        int at = quiz.lastIndexOf("/quizzes/");
        if (at <= 0) {
            throw new org.pelita.lrs.xapi.InvalidRequestException("quiz must be a quiz's activity IRI (<module>/quizzes/<id>), not " + quiz);
        }
        return quiz.substring(0, at);
    }

    private record ItemAnalysis(int learners, List<QuestionAnalysis> questions) {
    }

    /** The item analysis of these answers (oldest first), from each learner's first answer to each question. */
    private static ItemAnalysis analyse(List<ReportStore.Answer> answers, Map<String, String> definitions) {
        Map<String, Map<UUID, ReportStore.Answer>> first = new TreeMap<>();
        for (ReportStore.Answer answer : answers) {
            first.computeIfAbsent(answer.question(), q -> new LinkedHashMap<>()).putIfAbsent(answer.learner(), answer);
        }
        Map<UUID, Integer> totals = new HashMap<>();
        first.values().forEach(byLearner -> byLearner.forEach((learner, answer) ->
                totals.merge(learner, Boolean.TRUE.equals(answer.success()) ? 1 : 0, Integer::sum)));
        Names names = new Names(definitions);
        List<QuestionAnalysis> questions = new ArrayList<>();
        first.forEach((question, byLearner) -> {
            int n = byLearner.size();
            double[] item = new double[n];
            double[] rest = new double[n];
            double[] total = new double[n];
            int i = 0;
            for (Map.Entry<UUID, ReportStore.Answer> entry : byLearner.entrySet()) {
                item[i] = Boolean.TRUE.equals(entry.getValue().success()) ? 1 : 0;
                total[i] = totals.get(entry.getKey());
                rest[i] = total[i] - item[i];
                i++;
            }
            Interaction interaction = Interaction.of(definitions.get(question));
            questions.add(new QuestionAnalysis(question, names.of(question), interaction.type(), n, Statistics.mean(item),
                    Statistics.pointBiserial(item, rest), Statistics.upperLower(item, total), interaction.count(byLearner.values())));
        });
        return new ItemAnalysis(totals.size(), questions);
    }

    // ---- pre-test against post-test

    public record PrePostModule(String id, @JsonInclude(JsonInclude.Include.NON_NULL) String version, JsonNode name, int pairs, Double preMean, Double postMean, Double meanGain,
                                Double normalisedGain, Double meanNormalisedGain) {
    }

    public record PrePost(@JsonIgnore By by, List<PrePostModule> modules) implements Report {
        @Override
        public Table table() {
            List<List<Object>> rows = new ArrayList<>();
            modules.forEach(m -> rows.add(versioned(by, 1, m.version(), Arrays.asList(m.id(), Names.english(m.name()), m.pairs(),
                    m.preMean(), m.postMean(), m.meanGain(), m.normalisedGain(), m.meanNormalisedGain()))));
            return new Table(header(by, 1, "module", "name", "pairs", "pre_mean", "post_mean", "mean_gain", "normalised_gain",
                    "mean_normalised_gain"), rows);
        }
    }

    /**
     * Learners with both a pre-test and a post-test score in a module, paired: their first pre-test against their first
     * post-test. The normalised gain is Hake's, of the class means; the mean normalised gain averages the learners' own
     * gains (learners who scored 100% before have none and are left out of that mean only). Broken down by version, a
     * learner's pre-test and post-test pair only within one version.
     */
    public PrePost prePost(ReportFilter filter, By by) {
        Map<Part, Map<UUID, Double>> pre = new TreeMap<>();
        Map<Part, Map<UUID, Double>> post = new TreeMap<>();
        for (ReportStore.QuizSubmission s : store.quizSubmissions(filter)) {
            Map<Part, Map<UUID, Double>> side = "pre-test".equals(s.kind()) ? pre : "post-test".equals(s.kind()) ? post : null;
            if (side != null && s.score() != null) {
                side.computeIfAbsent(Part.of(s.module(), s.version(), by), m -> new HashMap<>()).putIfAbsent(s.learner(), s.score());
            }
        }
        Set<Part> ids = new TreeSet<>(pre.keySet());
        ids.retainAll(post.keySet());
        Names names = names(ids.stream().map(Part::id).toList());
        List<PrePostModule> modules = new ArrayList<>();
        for (Part id : ids) {
            List<Double> before = new ArrayList<>();
            List<Double> after = new ArrayList<>();
            List<Double> gains = new ArrayList<>();
            pre.get(id).forEach((learner, score) -> {
                Double later = post.get(id).get(learner);
                if (later != null) {
                    before.add(score);
                    after.add(later);
                    Double gain = Statistics.normalisedGain(score, later);
                    if (gain != null) {
                        gains.add(gain);
                    }
                }
            });
            Double preMean = Statistics.mean(Statistics.toArray(before));
            Double postMean = Statistics.mean(Statistics.toArray(after));
            modules.add(new PrePostModule(id.id(), id.version(), names.of(id.id()), before.size(), preMean, postMean,
                    preMean == null ? null : postMean - preMean,
                    preMean == null ? null : Statistics.normalisedGain(preMean, postMean),
                    Statistics.mean(Statistics.toArray(gains))));
        }
        return new PrePost(by, modules);
    }

    // ---- time on task

    public record TimeOnTaskModule(String id, @JsonInclude(JsonInclude.Include.NON_NULL) String version, JsonNode name, int learners, int sessions, Statistics.Quartiles perLearnerMinutes,
                                   Statistics.Quartiles perSessionMinutes) {
    }

    public record TimeOnTask(@JsonIgnore By by, List<TimeOnTaskModule> modules) implements Report {
        @Override
        public Table table() {
            List<List<Object>> rows = new ArrayList<>();
            for (TimeOnTaskModule m : modules) {
                rows.add(versioned(by, 1, m.version(), Arrays.asList(m.id(), Names.english(m.name()), m.learners(), m.sessions(),
                        q(m.perLearnerMinutes(), 1), q(m.perLearnerMinutes(), 2), q(m.perLearnerMinutes(), 3),
                        q(m.perSessionMinutes(), 1), q(m.perSessionMinutes(), 2), q(m.perSessionMinutes(), 3))));
            }
            return new Table(header(by, 1, "module", "name", "learners", "sessions", "learner_minutes_q1", "learner_minutes_median",
                    "learner_minutes_q3", "session_minutes_q1", "session_minutes_median", "session_minutes_q3"), rows);
        }

        private static Double q(Statistics.Quartiles quartiles, int which) {
            return quartiles == null ? null : which == 1 ? quartiles.q1() : which == 2 ? quartiles.median() : quartiles.q3();
        }
    }

    /** Durations of visits (terminated, from initialized): per visit, and summed per learner. */
    public TimeOnTask timeOnTask(ReportFilter filter, By by) {
        Map<Part, List<Double>> sessions = new TreeMap<>();
        Map<Part, Map<UUID, Double>> perLearner = new TreeMap<>();
        for (ReportStore.Session s : store.sessions(filter)) {
            double minutes = s.durationMs() / 60_000.0;
            Part part = Part.of(s.module(), s.version(), by);
            sessions.computeIfAbsent(part, m -> new ArrayList<>()).add(minutes);
            perLearner.computeIfAbsent(part, m -> new HashMap<>()).merge(s.learner(), minutes, Double::sum);
        }
        Names names = names(sessions.keySet().stream().map(Part::id).toList());
        List<TimeOnTaskModule> modules = new ArrayList<>();
        sessions.forEach((id, minutes) -> modules.add(new TimeOnTaskModule(id.id(), id.version(), names.of(id.id()),
                perLearner.get(id).size(), minutes.size(),
                Statistics.quartiles(Statistics.toArray(new ArrayList<>(perLearner.get(id).values()))),
                Statistics.quartiles(Statistics.toArray(minutes)))));
        return new TimeOnTask(by, modules);
    }

    private Names names(Collection<String> ids) {
        return new Names(store.activities(new HashSet<>(ids)));
    }

    /** Display names of activities, from their canonical definitions. */
    static final class Names {
        private final Map<String, String> definitions;

        Names(Map<String, String> definitions) {
            this.definitions = definitions;
        }

        /** The activity's definition.name (a language map), or null. */
        JsonNode of(String id) {
            String json = definitions.get(id);
            if (json == null) {
                return null;
            }
            JsonNode name = Json.parse(json, "activity definition").path("definition").path("name");
            return name.isObject() ? name : null;
        }

        /** The English text of a language map, else its first; "" for none. */
        static String english(JsonNode map) {
            if (map == null || !map.isObject() || map.isEmpty()) {
                return "";
            }
            for (String tag : List.of("en", "en-US", "en-GB")) {
                if (map.hasNonNull(tag)) {
                    return map.get(tag).asText();
                }
            }
            return map.elements().next().asText();
        }
    }
}
