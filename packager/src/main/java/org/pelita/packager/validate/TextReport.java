package org.pelita.packager.validate;

/** Renders a report for people: one line per finding, then a summary line. */
public final class TextReport {
    private TextReport() {
    }

    /** {@code ERROR code entry:line  message} per finding, then {@code zip: FAILED (1 error, 0 warnings, 2 infos)}. */
    public static String render(ValidationReport report) {
        StringBuilder text = new StringBuilder();
        for (Finding finding : report.findings()) {
            text.append(finding.severity()).append(' ')
                    .append(finding.code()).append(' ')
                    .append(oneLine(finding.location().render(report.zipName()))).append("  ")
                    .append(oneLine(finding.message())).append('\n');
        }
        text.append(oneLine(report.zipName())).append(": ").append(report.hasErrors() ? "FAILED" : "OK")
                .append(" (").append(plural(report.count(Severity.ERROR), "error"))
                .append(", ").append(plural(report.count(Severity.WARNING), "warning"))
                .append(", ").append(plural(report.count(Severity.INFO), "info")).append(")\n");
        return text.toString();
    }

    /** Entry names from a hostile zip may hold line breaks that would forge report lines: keep one line each. */
    private static String oneLine(String message) {
        return message.replaceAll("\\p{Cntrl}", " ");
    }

    private static String plural(long count, String word) {
        return count + " " + word + (count == 1 ? "" : "s");
    }
}
