package org.pelita.packager.validate;

import java.util.Objects;

/**
 * One thing the validator noticed. The code is stable and kebab-case so scripts can match on it; the message says
 * what is wrong and how to fix it.
 */
public record Finding(Severity severity, String code, Location location, String message) {
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    public static Finding error(String code, Location location, String message) {
        return new Finding(Severity.ERROR, code, location, message);
    }

    public static Finding warning(String code, Location location, String message) {
        return new Finding(Severity.WARNING, code, location, message);
    }

    public static Finding info(String code, Location location, String message) {
        return new Finding(Severity.INFO, code, location, message);
    }
}
