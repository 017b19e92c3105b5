package org.pelita.packager.content;

import java.util.List;
import java.util.TreeMap;
import org.pelita.packager.archive.Sha256;
import org.pelita.packager.model.Choice;
import org.pelita.packager.model.MatchPair;
import org.pelita.packager.model.Question;

/**
 * A question's revision: 12 hex digits of a SHA-256 of what its answers mean, its type, its prompt and options in the
 * module's first (source) language, and how it is scored (the correct choices, the answer, the accepted answers in
 * every language). A corrected translation or new feedback keeps the revision; a changed question in the source
 * language or a changed correct answer gives a new one. The revision ends the question's activity IRI
 * (docs/xapi-profile.md), so answers to two revisions are never pooled, and diff names the questions that changed.
 */
public final class QuestionRevisions {
    private QuestionRevisions() {
    }

    public static String of(Question question, String sourceLanguage) {
        return Sha256.of(meaning(question, sourceLanguage)).substring(0, 12);
    }

    /** The text a revision fingerprints: type, prompt and options in the source language, and the scoring. */
    private static String meaning(Question question, String source) {
        StringBuilder text = new StringBuilder(question.interactionType()).append('\n').append(question.prompt().in(source)).append('\n');
        if (question instanceof Question.SingleChoice q) {
            choices(text, q.choices(), source);
        } else if (question instanceof Question.MultipleChoice q) {
            choices(text, q.choices(), source);
        } else if (question instanceof Question.TrueFalse q) {
            text.append("answer ").append(q.answer());
        } else if (question instanceof Question.FillIn q) {
            text.append("case-sensitive ").append(q.caseSensitive()).append('\n').append(new TreeMap<>(q.accepted()));
        } else if (question instanceof Question.Matching q) {
            for (MatchPair pair : q.pairs()) {
                text.append(pair.source().in(source)).append(" -> ").append(pair.target().in(source)).append('\n');
            }
            q.distractors().forEach(d -> text.append("distractor ").append(d.in(source)).append('\n'));
        } else if (question instanceof Question.Ordering q) {
            q.items().forEach(item -> text.append(item.in(source)).append('\n'));
        }
        return text.toString();
    }

    private static void choices(StringBuilder text, List<Choice> choices, String source) {
        for (Choice choice : choices) {
            text.append(choice.correct() ? "* " : "- ").append(choice.text().in(source)).append('\n');
        }
    }

}
