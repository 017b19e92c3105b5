package org.pelita.packager.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * Renders reports for scripts. Field names are spelled out here rather than derived from the records, so the
 * format stays stable when the Java classes change.
 */
public final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /**
     * {@code {"valid": bool, "reports": [{"zip", "valid", "errors", "warnings", "infos", "findings": [{"severity",
     * "code", "entry", "line", "message"}]}]}}; entry and line are null when unknown.
     */
    public static String render(List<ValidationReport> reports) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("valid", reports.stream().noneMatch(ValidationReport::hasErrors));
        ArrayNode array = root.putArray("reports");
        for (ValidationReport report : reports) {
            ObjectNode node = array.addObject();
            node.put("zip", report.zipName());
            node.put("valid", !report.hasErrors());
            for (Severity severity : Severity.values()) {
                node.put(severity.name().toLowerCase(Locale.ROOT) + "s", report.count(severity));
            }
            ArrayNode findings = node.putArray("findings");
            for (Finding finding : report.findings()) {
                ObjectNode item = findings.addObject();
                item.put("severity", finding.severity().name());
                item.put("code", finding.code());
                item.put("entry", finding.location().entry());
                if (finding.location().line() > 0) {
                    item.put("line", finding.location().line());
                } else {
                    item.putNull("line");
                }
                item.put("message", finding.message());
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of strings and numbers always serializes", e);
        }
    }
}
