package org.pelita.packager.target;

/**
 * Build options a target cannot honour together (--sco-per-lesson for a TinCan package, a language the module lacks):
 * wrong usage rather than a problem of the definition, so the command line exits with 2.
 */
public final class UnsupportedOptionsException extends PackagingException {
    public UnsupportedOptionsException(String message) {
        super(message);
    }
}
