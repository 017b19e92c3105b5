package org.pelita.lrs.xapi;

/** 412 Precondition Failed: If-Match or If-None-Match does not hold for the document. */
public final class PreconditionFailedException extends XapiException {
    public PreconditionFailedException(String message) {
        super(message);
    }
}
