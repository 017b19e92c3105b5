package org.pelita.lrs.xapi;

/** 410 Gone: a published release that an administrator withdrew (its URLs stay known, its packages are not served). */
public final class GoneException extends XapiException {
    public GoneException(String message) {
        super(message);
    }
}
