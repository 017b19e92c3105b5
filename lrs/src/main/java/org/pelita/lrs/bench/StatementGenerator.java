package org.pelita.lrs.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Statements shaped like those Pelita's packages send (docs/xapi-profile.md, issue 4): pseudonymous account actors,
 * answered questions with interaction definitions, pages experienced, results, registration, parent and grouping
 * activities and extensions; about 1.3 KB each. Learners, questions and registrations repeat as in a pilot, so
 * filtered queries select realistic shares of the store.
 */
final class StatementGenerator {
    static final String BASE = "https://pelita.example.org/modules/";
    static final int LEARNERS = 1_000;
    static final int MODULES = 4;
    static final int QUESTIONS_PER_MODULE = 25;
    static final List<String> VERBS = List.of("answered", "experienced", "initialized", "terminated", "completed", "passed", "failed");
    private static final String[] LANGUAGES = {"en", "id", "th", "vi"};
    private static final String[] MODULE_IDS = {"cyber-resilience", "ai-gender-wps", "digital-safety", "incident-response"};

    private final SplittableRandom random;

    StatementGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    static String learner(int n) {
        return String.format("%016x", (long) n * 0x9E3779B97F4A7C15L);
    }

    static String agentJson(int learner) {
        return "{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"https://lms.example.org\",\"name\":\"" + learner(learner) + "\"}}";
    }

    /** A post-test question (the activity filter's subject); the pre-test asks the same questions as other activities. */
    static String question(int module, int question) {
        return question(module, "post-test", question);
    }

    static String question(int module, String quiz, int question) {
        return module(module) + "/questions/" + quiz + "/q" + question;
    }

    static String module(int module) {
        return BASE + MODULE_IDS[module];
    }

    /** A registration per learner and module (one attempt each), derived so queries can name it. */
    static UUID registration(int learner, int module) {
        return UUID.nameUUIDFromBytes(("registration-" + learner + "-" + module).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A statement as Pelita's packages send them (docs/xapi-profile.md): 55% answered questions (pre-test or post-test),
     * 30% pages experienced, and launches, visits ended, quizzes submitted and module results for the rest.
     */
    String next() {
        int learner = random.nextInt(LEARNERS);
        int module = random.nextInt(MODULES);
        int question = random.nextInt(QUESTIONS_PER_MODULE);
        String language = LANGUAGES[learner % LANGUAGES.length];
        int roll = random.nextInt(100);
        String verb = roll < 55 ? "answered" : roll < 85 ? "experienced" : VERBS.get(2 + random.nextInt(VERBS.size() - 2));
        boolean aboutQuiz = ("completed".equals(verb) || "passed".equals(verb) || "failed".equals(verb)) && random.nextBoolean();
        String quiz = "completed".equals(verb) || ("answered".equals(verb) && random.nextInt(100) < 40) ? "pre-test" : "post-test";
        StringBuilder s = new StringBuilder(1400);
        UUID id = new UUID(random.nextLong() & ~0xF000L | 0x4000L, random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L);
        s.append("{\"id\":\"").append(id).append("\",")
                .append("\"actor\":").append(agentJson(learner)).append(',')
                .append("\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/").append(verb).append("\",\"display\":{\"en-US\":\"").append(verb).append("\"}},");
        String parent = null;
        if ("answered".equals(verb)) {
            String correct = String.valueOf((char) ('a' + question % 4));
            // Stronger learners (lower numbers) answer right more often, and everyone more often in the post-test.
            int chance = 45 + (LEARNERS - learner) * 30 / LEARNERS + ("post-test".equals(quiz) ? 15 : 0);
            String response = random.nextInt(100) < chance ? correct : String.valueOf((char) ('a' + (question + 1 + random.nextInt(3)) % 4));
            s.append("\"object\":{\"objectType\":\"Activity\",\"id\":\"").append(question(module, quiz, question)).append("\",\"definition\":{")
                    .append("\"type\":\"http://adlnet.gov/expapi/activities/cmi.interaction\",\"interactionType\":\"choice\",")
                    .append("\"name\":{\"en\":\"Question ").append(question).append("\",\"id\":\"Pertanyaan ").append(question).append("\"},")
                    .append("\"choices\":[{\"id\":\"a\",\"description\":{\"en\":\"A password manager\"}},{\"id\":\"b\",\"description\":{\"en\":\"Two-step verification\"}},")
                    .append("{\"id\":\"c\",\"description\":{\"en\":\"A passphrase\"}},{\"id\":\"d\",\"description\":{\"en\":\"None of these\"}}],")
                    .append("\"correctResponsesPattern\":[\"").append(correct).append("\"]}},")
                    .append("\"result\":{\"response\":\"").append(response).append("\",\"success\":").append(response.equals(correct))
                    .append(",\"score\":{\"scaled\":").append(response.equals(correct) ? 1 : 0).append(",\"raw\":").append(response.equals(correct) ? 1 : 0)
                    .append(",\"min\":0,\"max\":1},\"duration\":\"PT").append(2 + random.nextInt(60)).append(".5S\"},");
            parent = module(module) + "/quizzes/" + quiz;
        } else if ("experienced".equals(verb)) {
            int lesson = 1 + question % 5;
            s.append("\"object\":{\"objectType\":\"Activity\",\"id\":\"").append(module(module)).append("/pages/l").append(lesson).append("/p")
                    .append(question / 5).append("\",\"definition\":{\"type\":\"http://activitystrea.ms/schema/1.0/page\",")
                    .append("\"name\":{\"en\":\"Page ").append(question).append("\"}}},");
            parent = module(module) + "/lessons/l" + lesson;
        } else {
            String object = aboutQuiz ? module(module) + "/quizzes/" + quiz : module(module);
            s.append("\"object\":{\"objectType\":\"Activity\",\"id\":\"").append(object)
                    .append("\",\"definition\":{\"type\":\"http://adlnet.gov/expapi/activities/").append(aboutQuiz ? "assessment" : "course")
                    .append("\",\"name\":{\"en\":\"").append(aboutQuiz ? quiz : "Module " + module).append("\"}}},");
            if ("passed".equals(verb) || "failed".equals(verb) || "completed".equals(verb)) {
                int score = random.nextInt(101);
                s.append("\"result\":{\"completion\":true,\"score\":{\"scaled\":").append(score / 100.0).append(",\"raw\":").append(score)
                        .append(",\"min\":0,\"max\":100}},");
            } else if ("terminated".equals(verb)) {
                s.append("\"result\":{\"duration\":\"PT").append(60 + random.nextInt(3000)).append("S\"},");
            }
        }
        s.append("\"context\":{\"registration\":\"").append(registration(learner, module)).append("\",\"language\":\"").append(language)
                .append("\",\"platform\":\"Pelita\",\"contextActivities\":{");
        if (parent != null) {
            s.append("\"parent\":[{\"id\":\"").append(parent).append("\"}],");
        }
        s.append("\"grouping\":[{\"id\":\"").append(module(module)).append("\"}]},")
                .append("\"extensions\":{");
        if ("answered".equals(verb) || aboutQuiz) {
            s.append("\"urn:pelita:xapi:extension:quiz-kind\":\"").append(quiz).append("\",");
        }
        s.append("\"urn:pelita:xapi:extension:organisation\":\"org-").append(learner % 20).append("\",")
                .append("\"urn:pelita:xapi:extension:module-version\":\"1.0.").append(learner % 2).append("\"}},")
                .append("\"timestamp\":\"").append(Instant.ofEpochMilli(1_790_000_000_000L + random.nextInt(1_000_000_000))).append("\"}");
        return s.toString();
    }

    byte[] batch(int size) {
        StringBuilder batch = new StringBuilder(size * 1400);
        batch.append('[');
        for (int i = 0; i < size; i++) {
            batch.append(i == 0 ? "" : ",").append(next());
        }
        return batch.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }
}
