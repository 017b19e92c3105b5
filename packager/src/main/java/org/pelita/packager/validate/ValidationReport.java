package org.pelita.packager.validate;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The verdict on one zip. Findings are sorted worst first, then by entry and line, so two runs over the same zip
 * print the same report.
 */
public record ValidationReport(String zipName, List<Finding> findings) {
    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(f -> f.location().entry(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(f -> f.location().line())
            .thenComparing(Finding::code)
            .thenComparing(Finding::message);

    public ValidationReport {
        Objects.requireNonNull(zipName, "zipName");
        findings = findings.stream().sorted(ORDER).toList();
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** How many findings of each severity, every severity present (possibly 0). */
    public Map<Severity, Long> counts() {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, count(severity));
        }
        return counts;
    }

    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }

    /** The findings with this code, in report order. */
    public List<Finding> withCode(String code) {
        return findings.stream().filter(f -> f.code().equals(code)).toList();
    }

    public String toText() {
        return TextReport.render(this);
    }

    /** This report alone in the JSON format of {@link JsonReport}. */
    public String toJson() {
        return JsonReport.render(List.of(this));
    }
}
