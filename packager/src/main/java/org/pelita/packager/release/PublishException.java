package org.pelita.packager.release;

/** A release could not be published: the folder does not hold what its release.json says, or the LRS refused it. */
public final class PublishException extends Exception {
    public PublishException(String message) {
        super(message);
    }
}
