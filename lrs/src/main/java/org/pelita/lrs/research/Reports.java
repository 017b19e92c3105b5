package org.pelita.lrs.research;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.pelita.lrs.store.ReportFilter;
import org.pelita.lrs.store.ReportStore;
import org.pelita.lrs.xapi.Json;

/**
 * The research reports (docs/reports.md): completion funnel, quiz score distributions, item analysis, pre-test against
 * post-test, time on task. Counts are of distinct learners; a learner's "first submission" of a quiz is what they
 * answered the first time, before any retake, which is what an evaluation compares.
 */
public final class Reports {
    private final ReportStore store;

    public Reports(ReportStore store) {
        this.store = store;
    }

    // ---- modules (for the filters)

    public record ModuleInfo(String id, JsonNode name, List<String> versions, List<String> languages, int learners) {
    }

    public record Modules(List<ModuleInfo> modules) {
        public Table table() {
            List<List<Object>> rows = new ArrayList<>();
            modules.forEach(m -> rows.add(List.of(m.id(), Names.english(m.name()), String.join(" ", m.versions()),
                    String.join(" ", m.languages()), m.learners())));
            return new Table(List.of("module", "name", "versions", "languages", "learners"), rows);
        }
    }

    public Modules modules(ReportFilter filter) {
        Map<String, Set<String>> versions = new TreeMap<>();
        Map<String, Set<String>> languages = new TreeMap<>();
        for (ReportStore.ModuleUse use : store.modules(filter)) {
            versions.computeIfAbsent(use.module(), m -> new TreeSet<>());
            languages.computeIfAbsent(use.module(), m -> new TreeSet<>());
            if (use.version() != null) {
                versions.get(use.module()).add(use.version());
            }
            if (use.language() != null) {
                languages.get(use.module()).add(use.language());
            }
        }
        Map<String, Integer> learners = store.learners(filter);
        Names names = names(versions.keySet());
        return new Modules(versions.keySet().stream().map(id -> new ModuleInfo(id, names.of(id), List.copyOf(versions.get(id)),
                List.copyOf(languages.get(id)), learners.getOrDefault(id, 0))).toList());
    }

    // ---- completion funnel

    public record LessonFunnel(String id, JsonNode name, int started, int finished) {
    }

    public record ModuleFunnel(String id, JsonNode name, int launched, int completed, int passed, int failed, List<LessonFunnel> lessons) {
    }

    public record Funnel(List<ModuleFunnel> modules) {
        public Table table() {
            List<List<Object>> rows = new ArrayList<>();
            for (ModuleFunnel m : modules) {
                rows.add(List.of(m.id(), "", Names.english(m.name()), m.launched(), m.completed(), m.passed(), m.failed(), "", ""));
                for (LessonFunnel l : m.lessons()) {
                    rows.add(List.of(m.id(), l.id(), Names.english(l.name()), "", "", "", "", l.started(), l.finished()));
                }
            }
            return new Table(List.of("module", "lesson", "name", "launched", "completed", "passed", "failed", "started", "finished"), rows);
        }
    }

    /**
     * Per module, learners who launched it, completed it, passed and failed it; per lesson, learners who saw one of its
     * pages (started) and who saw every page of it that any learner saw (finished: the LRS knows a lesson's pages only
     * from the statements about them).
     */
    public Funnel funnel(ReportFilter filter) {
        Map<String, Map<String, Integer>> stages = new TreeMap<>();
        store.stages(filter).forEach(s -> stages.computeIfAbsent(s.module(), m -> new HashMap<>()).put(s.verb(), s.learners()));
        Map<String, Map<String, List<Integer>>> visits = new TreeMap<>();
        store.lessonVisits(filter).forEach(v -> visits.computeIfAbsent(v.module(), m -> new TreeMap<>())
                .computeIfAbsent(v.lesson(), l -> new ArrayList<>()).add(v.pages()));
        Set<String> ids = new TreeSet<>(stages.keySet());
        ids.addAll(visits.keySet());
        Set<String> named = new HashSet<>(ids);
        visits.values().forEach(lessons -> named.addAll(lessons.keySet()));
        Names names = names(named);
        List<ModuleFunnel> modules = new ArrayList<>();
        for (String id : ids) {
            Map<String, Integer> counts = stages.getOrDefault(id, Map.of());
            List<LessonFunnel> lessons = new ArrayList<>();
            visits.getOrDefault(id, Map.of()).forEach((lesson, pages) -> {
                int most = pages.stream().mapToInt(Integer::intValue).max().orElse(0);
                lessons.add(new LessonFunnel(lesson, names.of(lesson), pages.size(), (int) pages.stream().filter(p -> p == most).count()));
            });
            modules.add(new ModuleFunnel(id, names.of(id), counts.getOrDefault("launched", 0), counts.getOrDefault("completed", 0),
                    counts.getOrDefault("passed", 0), counts.getOrDefault("failed", 0), lessons));
        }
        return new Funnel(modules);
    }

    // ---- quizzes

    public record Bin(double from, double to, int count) {
    }

    public record QuizScores(String id, String module, String kind, JsonNode name, int learners, Double mean, Double median, List<Bin> distribution) {
    }

    public record Quizzes(List<QuizScores> quizzes) {
        public Table table() {
            List<String> header = new ArrayList<>(List.of("quiz", "module", "kind", "name", "learners", "mean", "median"));
            for (int i = 0; i < 10; i++) {
                header.add(String.format("%d-%d%%", i * 10, i == 9 ? 100 : i * 10 + 10));
            }
            List<List<Object>> rows = new ArrayList<>();
            for (QuizScores q : quizzes) {
                List<Object> row = new ArrayList<>(Arrays.asList(q.id(), q.module(), q.kind(), Names.english(q.name()), q.learners(),
                        q.mean(), q.median()));
                q.distribution().forEach(b -> row.add(b.count()));
                rows.add(row);
            }
            return new Table(header, rows);
        }
    }

    /** Score distribution of each quiz: each learner's first submission (a retake does not count again). */
    public Quizzes quizzes(ReportFilter filter) {
        Map<String, Map<UUID, ReportStore.QuizSubmission>> first = firstSubmissions(store.quizSubmissions(filter));
        Names names = names(first.keySet());
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
            quizzes.add(new QuizScores(quiz, any.module(), any.kind(), names.of(quiz), byLearner.size(), Statistics.mean(scores),
                    quartiles == null ? null : quartiles.median(), distribution));
        });
        return new Quizzes(quizzes);
    }

    /** Per quiz, each learner's first submission (the rows come oldest first). */
    private static Map<String, Map<UUID, ReportStore.QuizSubmission>> firstSubmissions(List<ReportStore.QuizSubmission> submissions) {
        Map<String, Map<UUID, ReportStore.QuizSubmission>> first = new TreeMap<>();
        for (ReportStore.QuizSubmission s : submissions) {
            first.computeIfAbsent(s.quiz(), q -> new LinkedHashMap<>()).putIfAbsent(s.learner(), s);
        }
        return first;
    }

    // ---- item analysis

    public record ResponseCount(String response, JsonNode label, int count, boolean correct) {
    }

    public record QuestionAnalysis(String id, JsonNode name, String type, int answers, Double difficulty, Double discrimination,
                                   Double upperLower, List<ResponseCount> responses) {
    }

    public record Questions(String quiz, int learners, List<QuestionAnalysis> questions) {
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

    /**
     * Item analysis of one quiz from each learner's first answer to each of its questions: difficulty (share right),
     * discrimination (corrected point-biserial) and the upper–lower index, and how often each response (each choice, for
     * choice questions) was given.
     */
    public Questions questions(ReportFilter filter, String quiz) {
        Map<String, Map<UUID, ReportStore.Answer>> first = new TreeMap<>();
        int at = quiz.lastIndexOf("/quizzes/");
        if (at <= 0) {
            throw new org.pelita.lrs.xapi.InvalidRequestException("quiz must be a quiz's activity IRI (<module>/quizzes/<id>), not " + quiz);
        }
        for (ReportStore.Answer answer : store.answers(filter, quiz.substring(0, at), quiz)) {
            first.computeIfAbsent(answer.question(), q -> new LinkedHashMap<>()).putIfAbsent(answer.learner(), answer);
        }
        Map<UUID, Integer> totals = new HashMap<>();
        first.values().forEach(byLearner -> byLearner.forEach((learner, answer) ->
                totals.merge(learner, Boolean.TRUE.equals(answer.success()) ? 1 : 0, Integer::sum)));
        Map<String, String> definitions = store.activities(first.keySet());
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
        return new Questions(quiz, totals.size(), questions);
    }

    // ---- pre-test against post-test

    public record PrePostModule(String id, JsonNode name, int pairs, Double preMean, Double postMean, Double meanGain,
                                Double normalisedGain, Double meanNormalisedGain) {
    }

    public record PrePost(List<PrePostModule> modules) {
        public Table table() {
            List<List<Object>> rows = new ArrayList<>();
            modules.forEach(m -> rows.add(Arrays.asList(m.id(), Names.english(m.name()), m.pairs(), m.preMean(), m.postMean(), m.meanGain(),
                    m.normalisedGain(), m.meanNormalisedGain())));
            return new Table(List.of("module", "name", "pairs", "pre_mean", "post_mean", "mean_gain", "normalised_gain",
                    "mean_normalised_gain"), rows);
        }
    }

    /**
     * Learners with both a pre-test and a post-test score in a module, paired: their first pre-test against their first
     * post-test. The normalised gain is Hake's, of the class means; the mean normalised gain averages the learners' own
     * gains (learners who scored 100% before have none and are left out of that mean only).
     */
    public PrePost prePost(ReportFilter filter) {
        Map<String, Map<UUID, Double>> pre = new TreeMap<>();
        Map<String, Map<UUID, Double>> post = new TreeMap<>();
        for (ReportStore.QuizSubmission s : store.quizSubmissions(filter)) {
            Map<String, Map<UUID, Double>> side = "pre-test".equals(s.kind()) ? pre : "post-test".equals(s.kind()) ? post : null;
            if (side != null && s.score() != null) {
                side.computeIfAbsent(s.module(), m -> new HashMap<>()).putIfAbsent(s.learner(), s.score());
            }
        }
        Set<String> ids = new TreeSet<>(pre.keySet());
        ids.retainAll(post.keySet());
        Names names = names(ids);
        List<PrePostModule> modules = new ArrayList<>();
        for (String id : ids) {
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
            modules.add(new PrePostModule(id, names.of(id), before.size(), preMean, postMean,
                    preMean == null ? null : postMean - preMean,
                    preMean == null ? null : Statistics.normalisedGain(preMean, postMean),
                    Statistics.mean(Statistics.toArray(gains))));
        }
        return new PrePost(modules);
    }

    // ---- time on task

    public record TimeOnTaskModule(String id, JsonNode name, int learners, int sessions, Statistics.Quartiles perLearnerMinutes,
                                   Statistics.Quartiles perSessionMinutes) {
    }

    public record TimeOnTask(List<TimeOnTaskModule> modules) {
        public Table table() {
            List<List<Object>> rows = new ArrayList<>();
            for (TimeOnTaskModule m : modules) {
                rows.add(Arrays.asList(m.id(), Names.english(m.name()), m.learners(), m.sessions(),
                        q(m.perLearnerMinutes(), 1), q(m.perLearnerMinutes(), 2), q(m.perLearnerMinutes(), 3),
                        q(m.perSessionMinutes(), 1), q(m.perSessionMinutes(), 2), q(m.perSessionMinutes(), 3)));
            }
            return new Table(List.of("module", "name", "learners", "sessions", "learner_minutes_q1", "learner_minutes_median",
                    "learner_minutes_q3", "session_minutes_q1", "session_minutes_median", "session_minutes_q3"), rows);
        }

        private static Double q(Statistics.Quartiles quartiles, int which) {
            return quartiles == null ? null : which == 1 ? quartiles.q1() : which == 2 ? quartiles.median() : quartiles.q3();
        }
    }

    /** Durations of visits (terminated, from initialized): per visit, and summed per learner. */
    public TimeOnTask timeOnTask(ReportFilter filter) {
        Map<String, List<Double>> sessions = new TreeMap<>();
        Map<String, Map<UUID, Double>> perLearner = new TreeMap<>();
        for (ReportStore.Session s : store.sessions(filter)) {
            double minutes = s.durationMs() / 60_000.0;
            sessions.computeIfAbsent(s.module(), m -> new ArrayList<>()).add(minutes);
            perLearner.computeIfAbsent(s.module(), m -> new HashMap<>()).merge(s.learner(), minutes, Double::sum);
        }
        Names names = names(sessions.keySet());
        List<TimeOnTaskModule> modules = new ArrayList<>();
        sessions.forEach((id, minutes) -> modules.add(new TimeOnTaskModule(id, names.of(id), perLearner.get(id).size(), minutes.size(),
                Statistics.quartiles(Statistics.toArray(new ArrayList<>(perLearner.get(id).values()))),
                Statistics.quartiles(Statistics.toArray(minutes)))));
        return new TimeOnTask(modules);
    }

    private Names names(Collection<String> ids) {
        return new Names(store.activities(ids));
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
