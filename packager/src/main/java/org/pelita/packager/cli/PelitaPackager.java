package org.pelita.packager.cli;

/** Entry point of the packager's executable jar (commands are added as they land). */
public final class PelitaPackager {
    public static void main(String[] args) {
        System.exit(0);
    }
}
