package org.pelita.packager.model;

/** A prompt on the left and the answer that belongs to it on the right. */
public record MatchPair(LocalizedText source, LocalizedText target) {
}
