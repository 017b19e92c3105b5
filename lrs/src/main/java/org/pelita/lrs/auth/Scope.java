package org.pelita.lrs.auth;

import java.util.Arrays;
import java.util.Optional;

/** The xAPI scopes a credential can hold (xAPI 1.0.3 Communication §4.2, OAuth scope names), and Pelita's research scope. */
public enum Scope {
    STATEMENTS_WRITE("statements/write"),
    STATEMENTS_READ_MINE("statements/read/mine"),
    STATEMENTS_READ("statements/read"),
    STATE("state"),
    DEFINE("define"),
    PROFILE("profile"),
    ALL_READ("all/read"),
    ALL("all"),
    /** Not an xAPI scope: the researchers' API only (reports, pseudonymised exports), no xAPI resource. */
    RESEARCH("research"),
    /** Not an xAPI scope: downloading the published packages (docs/packages.md), for an LMS that updates from them. */
    PACKAGES("packages");

    private final String text;

    Scope(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public static Optional<Scope> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.text.equals(text)).findFirst();
    }
}
