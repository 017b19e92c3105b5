package org.pelita.lrs.research;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.pelita.lrs.xapi.InvalidRequestException;
import org.pelita.lrs.xapi.StatementQueryParser;
import org.pelita.lrs.xapi.Times;

/**
 * The filters of a statement export (docs/research-data.md). {@code module}, {@code verb} and {@code registration} and
 * the stored-time bounds select statements through the store's indexes; {@code version}, {@code language},
 * {@code organisation} and {@code country} are checked on each selected statement ({@link #matches}).
 *
 * @param since exclusive lower bound on stored (a date means from the start of that day, UTC)
 * @param until inclusive upper bound on stored (a date means to the end of that day, UTC)
 */
public record ExportQuery(Optional<String> module, Optional<String> verb, Optional<UUID> registration,
                          Optional<OffsetDateTime> since, Optional<OffsetDateTime> until, Optional<String> version,
                          Optional<String> language, Optional<String> organisation, Optional<String> country) {
    public static final String MODULE_VERSION = "urn:pelita:xapi:extension:module-version";
    public static final String QUIZ_KIND = "urn:pelita:xapi:extension:quiz-kind";
    public static final String ORGANISATION = "urn:pelita:xapi:extension:organisation";
    public static final String COUNTRY = "urn:pelita:xapi:extension:country";
    public static final Set<String> PARAMETERS = Set.of("module", "verb", "registration", "since", "until", "version", "language",
            "organisation", "country", "format");

    /** No filter: the whole store. */
    public static ExportQuery all() {
        return new ExportQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Reads the query parameters; 400 naming the parameter for an unknown, repeated or malformed one.
     *
     * @param format the export's own format ("ndjson" or "csv"): a format parameter may only repeat it
     */
    public static ExportQuery parse(Map<String, List<String>> parameters, String format) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (!PARAMETERS.contains(parameter.getKey())) {
                throw new InvalidRequestException("unknown parameter '" + parameter.getKey() + "'; exports take "
                        + String.join(", ", new TreeSet<>(PARAMETERS)));
            }
            if (parameter.getValue().size() > 1) {
                throw new InvalidRequestException("the parameter '" + parameter.getKey() + "' is given more than once");
            }
        }
        one(parameters, "format").filter(f -> !f.equals(format)).ifPresent(f -> {
            throw new InvalidRequestException("the format parameter '" + f + "' differs from this export's format (" + format
                    + "); the path names the format: statements.ndjson or statements.csv");
        });
        return new ExportQuery(
                one(parameters, "module").map(v -> StatementQueryParser.iri(v, "module")),
                one(parameters, "verb").map(v -> StatementQueryParser.iri(v, "verb")),
                one(parameters, "registration").map(v -> StatementQueryParser.uuid(v, "registration")),
                one(parameters, "since").map(v -> time(v, "since", false)),
                one(parameters, "until").map(v -> time(v, "until", true)),
                text(parameters, "version"), text(parameters, "language"), text(parameters, "organisation"), text(parameters, "country"));
    }

    private static Optional<String> one(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private static Optional<String> text(Map<String, List<String>> parameters, String name) {
        return one(parameters, name).map(v -> {
            if (v.isBlank()) {
                throw new InvalidRequestException("the " + name + " parameter is empty");
            }
            return v;
        });
    }

    /**
     * A date (2026-11-01) covers that whole day in UTC: as {@code since} it starts the export at the day's first stored
     * millisecond, as {@code until} it ends it at the day's last. A timestamp is taken as in xAPI (since exclusive,
     * until inclusive). Stored times have millisecond precision.
     */
    static OffsetDateTime time(String text, String parameter, boolean endOfDay) {
        if (text.trim().matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                OffsetDateTime start = LocalDate.parse(text.trim()).atStartOfDay().atOffset(ZoneOffset.UTC);
                return (endOfDay ? start.plusDays(1) : start).minusNanos(1_000_000);
            } catch (DateTimeParseException e) {
                throw new InvalidRequestException("the " + parameter + " parameter '" + text + "' is not a date");
            }
        }
        try {
            return Times.parseParameter(text, parameter);
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException("the " + parameter + " parameter '" + text
                    + "' is not an ISO 8601 date (2026-11-01) or timestamp (2026-11-01T10:15:30Z)");
        }
    }

    /** Whether the filters checked on each statement (version, language, organisation, country) need its body. */
    public boolean readsBody() {
        return version.isPresent() || language.isPresent() || organisation.isPresent() || country.isPresent();
    }

    /** The per-statement filters: module version, context language, organisation and country extensions. */
    public boolean matches(JsonNode statement) {
        JsonNode context = statement.path("context");
        JsonNode extensions = context.path("extensions");
        return same(version, extensions.get(MODULE_VERSION)) && same(language.map(l -> l.toLowerCase(java.util.Locale.ROOT)), lowerCase(context.get("language")))
                && same(organisation, extensions.get(ORGANISATION)) && same(country, extensions.get(COUNTRY));
    }

    /** Language tags compare without case (RFC 5646 §2.1.1). */
    private static JsonNode lowerCase(JsonNode tag) {
        return tag != null && tag.isTextual() ? com.fasterxml.jackson.databind.node.TextNode.valueOf(tag.asText().toLowerCase(java.util.Locale.ROOT)) : tag;
    }

    private static boolean same(Optional<String> wanted, JsonNode value) {
        return wanted.isEmpty() || value != null && value.isTextual() && value.asText().equals(wanted.get());
    }
}
