package org.pelita.lrs.xapi;

/** 403 Forbidden: the credentials are valid but lack the scope (or activity prefix) this request needs. */
public final class ForbiddenException extends XapiException {
    public ForbiddenException(String message) {
        super(message);
    }
}
