package org.pelita.packager.release;

/** A release that would replace a released version's packages with different ones. Nothing is written. */
public final class ReleaseRefusedException extends Exception {
    public ReleaseRefusedException(String message) {
        super(message);
    }
}
