package org.pelita.packager.target;

/** A valid definition that a target still cannot package (a limit of the format), with what to change. */
public class PackagingException extends Exception {
    public PackagingException(String message) {
        super(message);
    }
}
