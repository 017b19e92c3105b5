package org.pelita.lrs.xapi;

/** 404 Not Found: the statement or document asked for does not exist. */
public final class NotFoundException extends XapiException {
    public NotFoundException(String message) {
        super(message);
    }
}
