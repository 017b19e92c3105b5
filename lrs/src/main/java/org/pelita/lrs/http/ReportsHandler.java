package org.pelita.lrs.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.pelita.lrs.auth.Principal;
import org.pelita.lrs.research.Reports;
import org.pelita.lrs.research.Table;
import org.pelita.lrs.store.ReportFilter;
import org.pelita.lrs.xapi.InvalidRequestException;
import org.pelita.lrs.xapi.Json;

/**
 * GET /api/reports/&lt;name&gt;: parses the filters and the breakdown (by=version), runs the report, writes it as JSON or
 * CSV (format=csv, or Accept: text/csv). Knows HTTP, not statistics.
 */
public final class ReportsHandler {
    static final Set<String> FILTERS = Set.of("module", "version", "language", "registration", "organisation", "country", "since",
            "until", "format", "by");
    private static final CsvMapper CSV = new CsvMapper();

    private final Reports reports;

    public ReportsHandler(Reports reports) {
        this.reports = reports;
    }

    /** Adds every report's route. */
    public void register(ResearchRoutes routes) {
        routes.get("/reports/modules", report("modules", (filter, by, ctx) -> reports.modules(filter, by)));
        routes.get("/reports/funnel", report("funnel", (filter, by, ctx) -> reports.funnel(filter, by)));
        routes.get("/reports/quizzes", report("quizzes", (filter, by, ctx) -> reports.quizzes(filter, by)));
        routes.get("/reports/questions", report("questions", (filter, by, ctx) -> by == Reports.By.VERSION
                ? reports.questionsByVersion(filter, required(ctx, "quiz")) : reports.questions(filter, required(ctx, "quiz")), "quiz"));
        routes.get("/reports/pre-post", report("pre-post", (filter, by, ctx) -> reports.prePost(filter, by)));
        routes.get("/reports/time-on-task", report("time-on-task", (filter, by, ctx) -> reports.timeOnTask(filter, by)));
    }

    /** Runs a report. */
    private interface Run {
        Reports.Report run(ReportFilter filter, Reports.By by, Context ctx);
    }

    private ResearchRoutes.Handler report(String name, Run run, String... extra) {
        return (Context ctx, Principal principal) -> {
            checkParameters(ctx, extra);
            boolean csv = csv(ctx);
            Reports.Report result = run.run(filter(ctx), by(ctx), ctx);
            if (csv) {
                ctx.contentType("text/csv; charset=utf-8");
                ctx.header("Content-Disposition", "attachment; filename=\"" + name + "-" + LocalDate.now(ZoneOffset.UTC) + ".csv\"");
                writeCsv(result.table(), ctx.outputStream());
            } else {
                ctx.contentType("application/json");
                ctx.result(Json.MAPPER.writeValueAsBytes(result));
            }
        };
    }

    static void checkParameters(Context ctx, String... extra) {
        for (String parameter : ctx.queryParamMap().keySet()) {
            if (!FILTERS.contains(parameter) && !List.of(extra).contains(parameter)) {
                throw new InvalidRequestException("unknown parameter " + parameter + " (reports take " + String.join(", ",
                        new java.util.TreeSet<>(FILTERS)) + (extra.length > 0 ? ", " + String.join(", ", extra) : "") + ")");
            }
            if (ctx.queryParams(parameter).size() > 1) {
                throw new InvalidRequestException("parameter " + parameter + " is given more than once");
            }
        }
    }

    private static boolean csv(Context ctx) {
        String format = ctx.queryParam("format");
        if (format != null) {
            return switch (format) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new InvalidRequestException("format must be json or csv, not " + format);
            };
        }
        String accept = ctx.header("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
    }

    /** The breakdown: by=version gives a row per module version; by=none, or no by, one per module. */
    static Reports.By by(Context ctx) {
        String by = ctx.queryParam("by");
        if (by == null || by.isBlank()) {
            return Reports.By.NONE;
        }
        return switch (by.trim()) {
            case "version" -> Reports.By.VERSION;
            case "none" -> Reports.By.NONE;
            default -> throw new InvalidRequestException("by must be version or none, not " + by);
        };
    }

    private static String required(Context ctx, String parameter) {
        String value = ctx.queryParam(parameter);
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("parameter " + parameter + " is required (the quiz's activity IRI)");
        }
        return value;
    }

    /** The report filters of a request (docs/reports.md, "Filters"). */
    static ReportFilter filter(Context ctx) {
        Map<String, String> p = new java.util.HashMap<>();
        FILTERS.forEach(name -> {
            String value = ctx.queryParam(name);
            if (value != null && !value.isBlank()) {
                p.put(name, value.trim());
            }
        });
        Optional<UUID> registration = Optional.ofNullable(p.get("registration")).map(r -> {
            try {
                return UUID.fromString(r);
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("registration must be a UUID, not " + r);
            }
        });
        return new ReportFilter(Optional.ofNullable(p.get("module")), Optional.ofNullable(p.get("version")),
                Optional.ofNullable(p.get("language")), registration, Optional.ofNullable(p.get("organisation")),
                Optional.ofNullable(p.get("country")), time(p.get("since"), "since", false), time(p.get("until"), "until", true));
    }

    /** An ISO 8601 timestamp with offset, or a date (UTC): since the start of that day, until the end of it. */
    static Optional<OffsetDateTime> time(String value, String parameter, boolean endOfDay) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return Optional.of((endOfDay ? day.plusDays(1) : day).atStartOfDay().atOffset(ZoneOffset.UTC));
            }
            return Optional.of(OffsetDateTime.parse(value));
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(parameter + " must be a date (2026-11-01) or a timestamp with its offset"
                    + " (2026-11-01T08:00:00Z), not " + value);
        }
    }

    /** RFC 4180 CSV; texts that a spreadsheet would run as a formula are prefixed with an apostrophe (CsvCells). */
    static void writeCsv(Table table, OutputStream out) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        table.header().forEach(schema::addColumn);
        try (CsvGenerator generator = (CsvGenerator) CSV.getFactory().createGenerator(out)) {
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            generator.setSchema(schema.build());
            for (List<Object> row : table.rows()) {
                generator.writeStartArray();
                for (Object cell : row) {
                    if (cell == null) {
                        generator.writeString("");
                    } else if (cell instanceof Number number) {
                        generator.writeNumber(number.toString());
                    } else {
                        generator.writeString(CsvCells.safe(cell.toString()));
                    }
                }
                generator.writeEndArray();
            }
        }
    }
}
