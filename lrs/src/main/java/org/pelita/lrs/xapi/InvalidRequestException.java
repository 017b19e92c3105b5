package org.pelita.lrs.xapi;

/**
 * 400 Bad Request: the request breaks a rule of the specification. {@code path} is the JSON path of the
 * offending value (e.g. {@code $[2].actor.mbox}) when the problem is inside a statement or document.
 */
public final class InvalidRequestException extends XapiException {
    private final String path;

    public InvalidRequestException(String message) {
        this(null, message);
    }

    public InvalidRequestException(String path, String message) {
        super(path == null ? message : path + ": " + message);
        this.path = path;
    }

    public InvalidRequestException(String message, Throwable cause) {
        super(message, cause);
        this.path = null;
    }

    public String path() {
        return path;
    }
}
