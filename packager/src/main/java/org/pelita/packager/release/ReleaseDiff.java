package org.pelita.packager.release;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed between two releases of a module (diff): pages, questions (a new revision when what an answer means
 * changed), the quizzes' questions and the mastery score, and whether pre-test and post-test results of the two
 * releases can be compared: only when both tests ask the same questions at the same revisions.
 */
public record ReleaseDiff(String module, String from, String to, List<String> changes, boolean prePostComparable,
                          List<String> whyNot) {
    public ReleaseDiff {
        changes = List.copyOf(changes);
        whyNot = List.copyOf(whyNot);
    }

    public static ReleaseDiff of(ReleaseManifest before, ReleaseManifest after) {
        if (!before.module().equals(after.module())) {
            throw new IllegalArgumentException("these are releases of two modules, " + before.module() + " and " + after.module());
        }
        ReleaseContent a = before.content();
        ReleaseContent b = after.content();
        List<String> changes = new ArrayList<>();
        if (!Objects.equals(a.masteryScore(), b.masteryScore())) {
            changes.add("mastery score: " + a.masteryScore() + " → " + b.masteryScore());
        }
        for (String page : union(a.pages().keySet(), b.pages().keySet())) {
            Map<String, String> old = a.pages().get(page);
            Map<String, String> now = b.pages().get(page);
            if (old == null) {
                changes.add("page added: " + page);
            } else if (now == null) {
                changes.add("page removed: " + page);
            } else {
                Set<String> languages = new TreeSet<>();
                for (String language : union(old.keySet(), now.keySet())) {
                    if (!Objects.equals(old.get(language), now.get(language))) {
                        languages.add(language);
                    }
                }
                if (!languages.isEmpty()) {
                    changes.add("page changed: " + page + " (" + String.join(", ", languages) + ")");
                }
            }
        }
        for (String question : union(a.questions().keySet(), b.questions().keySet())) {
            ReleaseContent.QuestionRevision old = a.questions().get(question);
            ReleaseContent.QuestionRevision now = b.questions().get(question);
            if (old == null) {
                changes.add("question added: " + question);
            } else if (now == null) {
                changes.add("question removed: " + question);
            } else if (!old.revision().equals(now.revision())) {
                changes.add("question changed: " + question + " (revision " + old.revision() + " → " + now.revision()
                        + "; its text, options or scoring changed, so its answers are not pooled with the old ones)");
            }
        }
        for (String quiz : union(a.quizzes().keySet(), b.quizzes().keySet())) {
            List<String> old = a.quizzes().getOrDefault(quiz, List.of());
            List<String> now = b.quizzes().getOrDefault(quiz, List.of());
            if (!new TreeSet<>(old).equals(new TreeSet<>(now))) {
                changes.add("quiz " + quiz + " asks other questions: " + String.join(", ", old) + " → " + String.join(", ", now));
            }
        }
        List<String> whyNot = comparability(a, b);
        return new ReleaseDiff(before.module(), before.version(), after.version(), changes, whyNot.isEmpty(), whyNot);
    }

    /** Reasons why scores on the pre-test and post-test of one release do not compare with the other's; none if they do. */
    private static List<String> comparability(ReleaseContent a, ReleaseContent b) {
        List<String> reasons = new ArrayList<>();
        for (String test : List.of("pre-test", "post-test")) {
            Set<String> old = new TreeSet<>(a.quizzes().getOrDefault(test, List.of()));
            Set<String> now = new TreeSet<>(b.quizzes().getOrDefault(test, List.of()));
            if (!old.equals(now)) {
                reasons.add("the " + test + " asks other questions");
            }
            for (String question : old) {
                if (now.contains(question) && !a.questions().get(question).revision().equals(b.questions().get(question).revision())) {
                    reasons.add("question " + question + " of the " + test + " changed");
                }
            }
        }
        return new ArrayList<>(new LinkedHashSet<>(reasons));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    public String toText() {
        StringBuilder text = new StringBuilder(module + " " + from + " → " + to + "\n");
        if (changes.isEmpty()) {
            text.append("  no change in pages, questions, quizzes or the mastery score\n");
        }
        changes.forEach(change -> text.append("  ").append(change).append('\n'));
        text.append(prePostComparable ? "Pre-test and post-test results of the two releases are comparable: both tests ask the"
                + " same questions at the same revisions.\n" : "Pre-test and post-test results of the two releases are NOT"
                + " comparable: " + String.join("; ", whyNot) + ".\n");
        return text.toString();
    }
}
