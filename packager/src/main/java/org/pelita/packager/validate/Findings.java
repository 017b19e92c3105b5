package org.pelita.packager.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects findings while a package is checked. A hostile zip or manifest can repeat one mistake a million times,
 * so each code is kept at most {@link #MAX_PER_CODE} times and the rest are counted in one closing INFO.
 */
final class Findings {
    static final int MAX_PER_CODE = 50;

    private final List<Finding> kept = new ArrayList<>();
    private final Map<String, Integer> perCode = new HashMap<>();

    void add(Finding finding) {
        int seen = perCode.merge(finding.code(), 1, Integer::sum);
        if (seen <= MAX_PER_CODE) {
            kept.add(finding);
        }
    }

    void error(String code, Location location, String message) {
        add(Finding.error(code, location, message));
    }

    void warning(String code, Location location, String message) {
        add(Finding.warning(code, location, message));
    }

    void info(String code, Location location, String message) {
        add(Finding.info(code, location, message));
    }

    List<Finding> toList() {
        List<Finding> all = new ArrayList<>(kept);
        perCode.entrySet().stream()
                .filter(e -> e.getValue() > MAX_PER_CODE)
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> all.add(Finding.info("findings-truncated", Location.ZIP,
                        (e.getValue() - MAX_PER_CODE) + " more '" + e.getKey() + "' findings were left out of this report;"
                                + " fix the ones shown and validate again.")));
        return all;
    }
}
