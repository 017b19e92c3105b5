package org.pelita.lrs.xapi;

import java.util.Optional;

/**
 * The xAPI versions served, chosen per request by the X-Experience-API-Version header (xAPI 1.0.3 Part 3
 * §6.2; 2.0.0 Part 3 §1.3). Any 1.0.x is served as 1.0.3 (clients such as tincanjs still send 1.0.2);
 * any 2.0.x as 2.0.0.
 */
public enum XapiVersion {
    V1_0_3("1.0.3"),
    V2_0_0("2.0.0");

    private final String number;

    XapiVersion(String number) {
        this.number = number;
    }

    public String number() {
        return number;
    }

    public boolean atLeast2() {
        return this == V2_0_0;
    }

    /** The version for a header value, or empty for anything else (the request is then refused with 400). */
    public static Optional<XapiVersion> fromHeader(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.trim();
        if (value.matches("1\\.0(\\.\\d+)?")) {
            return Optional.of(V1_0_3);
        }
        if (value.matches("2\\.0(\\.\\d+)?")) {
            return Optional.of(V2_0_0);
        }
        return Optional.empty();
    }
}
