package org.pelita.lrs.config;

/** A setting that cannot work, found at start, with where it came from and what would. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
