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

    static String question(int module, int question) {
        return BASE + MODULE_IDS[module] + "/questions/q" + question;
    }

    static String module(int module) {
        return BASE + MODULE_IDS[module];
    }

    /** A registration per learner and module (one attempt each), derived so queries can name it. */
    static UUID registration(int learner, int module) {
        return UUID.nameUUIDFromBytes(("registration-" + learner + "-" + module).getBytes(StandardCharsets.UTF_8));
    }

    String next() {
        int learner = random.nextInt(LEARNERS);
        int module = random.nextInt(MODULES);
        int question = random.nextInt(QUESTIONS_PER_MODULE);
        // Pilots are mostly answers and pages; completions and results are rarer.
        int roll = random.nextInt(100);
        String verb = roll < 55 ? "answered" : roll < 85 ? "experienced" : VERBS.get(2 + random.nextInt(VERBS.size() - 2));
        StringBuilder s = new StringBuilder(1400);
        UUID id = new UUID(random.nextLong() & ~0xF000L | 0x4000L, random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L);
        s.append("{\"id\":\"").append(id).append("\",")
                .append("\"actor\":").append(agentJson(learner)).append(',')
                .append("\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/").append(verb).append("\",\"display\":{\"en\":\"").append(verb).append("\"}},");
        if ("answered".equals(verb)) {
            String correct = String.valueOf((char) ('a' + question % 4));
            String response = random.nextInt(100) < 70 ? correct : "d";
            s.append("\"object\":{\"objectType\":\"Activity\",\"id\":\"").append(question(module, question)).append("\",\"definition\":{")
                    .append("\"type\":\"http://adlnet.gov/expapi/activities/cmi.interaction\",\"interactionType\":\"choice\",")
                    .append("\"name\":{\"en\":\"Question ").append(question).append("\",\"id\":\"Pertanyaan ").append(question).append("\"},")
                    .append("\"choices\":[{\"id\":\"a\",\"description\":{\"en\":\"A password manager\"}},{\"id\":\"b\",\"description\":{\"en\":\"Two-step verification\"}},")
                    .append("{\"id\":\"c\",\"description\":{\"en\":\"A passphrase\"}},{\"id\":\"d\",\"description\":{\"en\":\"None of these\"}}],")
                    .append("\"correctResponsesPattern\":[\"").append(correct).append("\"]}},")
                    .append("\"result\":{\"response\":\"").append(response).append("\",\"success\":").append(response.equals(correct))
                    .append(",\"score\":{\"scaled\":").append(response.equals(correct) ? 1 : 0).append(",\"raw\":").append(response.equals(correct) ? 1 : 0)
                    .append(",\"min\":0,\"max\":1},\"duration\":\"PT").append(2 + random.nextInt(60)).append(".5S\"},");
        } else {
            String page = module(module) + "/pages/p" + question;
            s.append("\"object\":{\"objectType\":\"Activity\",\"id\":\"").append("experienced".equals(verb) ? page : module(module))
                    .append("\",\"definition\":{\"type\":\"http://adlnet.gov/expapi/activities/").append("experienced".equals(verb) ? "lesson" : "course")
                    .append("\",\"name\":{\"en\":\"Page ").append(question).append("\"}}},");
            if ("passed".equals(verb) || "failed".equals(verb) || "completed".equals(verb)) {
                int score = random.nextInt(101);
                s.append("\"result\":{\"completion\":true,\"score\":{\"scaled\":").append(score / 100.0).append(",\"raw\":").append(score)
                        .append(",\"min\":0,\"max\":100},\"duration\":\"PT").append(300 + random.nextInt(3000)).append("S\"},");
            }
        }
        s.append("\"context\":{\"registration\":\"").append(registration(learner, module)).append("\",\"language\":\"en\",\"platform\":\"Moodle 4.5\",")
                .append("\"contextActivities\":{\"parent\":[{\"id\":\"").append(module(module)).append("/quizzes/post-test\"}],")
                .append("\"grouping\":[{\"id\":\"").append(module(module)).append("\"}],\"category\":[{\"id\":\"https://pelita.example.org/xapi/profile\"}]},")
                .append("\"extensions\":{\"https://pelita.example.org/xapi/extensions/quiz-kind\":\"post-test\",")
                .append("\"https://pelita.example.org/xapi/extensions/module-version\":\"1.0.0\"}},")
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
