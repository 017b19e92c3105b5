package org.pelita.packager.model;

import java.util.Optional;

/** One option of a single- or multiple-choice question, with the feedback shown when it is picked. */
public record Choice(LocalizedText text, boolean correct, Optional<LocalizedText> feedback) {
}
