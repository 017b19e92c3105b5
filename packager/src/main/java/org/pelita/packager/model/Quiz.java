package org.pelita.packager.model;

import java.util.List;
import java.util.Optional;

public record Quiz(String id, QuizKind kind, LocalizedText title, Optional<LocalizedText> intro, List<Question> questions) {
    public Quiz {
        questions = List.copyOf(questions);
    }

    public boolean isTest() {
        return kind != QuizKind.CHECK;
    }
}
