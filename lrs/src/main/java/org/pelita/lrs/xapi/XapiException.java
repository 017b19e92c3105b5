package org.pelita.lrs.xapi;

/**
 * A request the xAPI rules refuse. Each subclass stands for one HTTP status the specification names; the
 * HTTP layer maps them in one place. Messages say what is wrong and, for statements, where (a JSON path).
 */
public abstract class XapiException extends RuntimeException {
    protected XapiException(String message) {
        super(message);
    }

    protected XapiException(String message, Throwable cause) {
        super(message, cause);
    }
}
