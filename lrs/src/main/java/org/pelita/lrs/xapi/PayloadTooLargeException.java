package org.pelita.lrs.xapi;

/** 413 Payload Too Large: the body is over the configured limit. */
public final class PayloadTooLargeException extends XapiException {
    public PayloadTooLargeException(String message) {
        super(message);
    }
}
