package org.pelita.lrs.xapi;

/** 409 Conflict: a statement with this id exists with different content, or a document changed without a precondition. */
public final class ConflictException extends XapiException {
    public ConflictException(String message) {
        super(message);
    }
}
