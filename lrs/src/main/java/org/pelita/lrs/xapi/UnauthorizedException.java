package org.pelita.lrs.xapi;

/** 401 Unauthorized: no credentials, or credentials the LRS does not accept. */
public final class UnauthorizedException extends XapiException {
    public UnauthorizedException(String message) {
        super(message);
    }
}
