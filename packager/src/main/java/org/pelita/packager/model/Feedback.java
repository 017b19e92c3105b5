package org.pelita.packager.model;

import java.util.Optional;

/** What a learner reads after answering a question, depending on whether the answer was right. */
public record Feedback(Optional<LocalizedText> correct, Optional<LocalizedText> incorrect) {
    public static Feedback none() {
        return new Feedback(Optional.empty(), Optional.empty());
    }
}
