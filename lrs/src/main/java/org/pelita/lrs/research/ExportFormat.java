package org.pelita.lrs.research;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import org.pelita.lrs.xapi.Json;

/** The formats of the statement exports: NDJSON (one statement per line) and CSV (RFC 4180, one row per statement). */
public enum ExportFormat {
    NDJSON("ndjson", "application/x-ndjson"),
    CSV("csv", "text/csv; charset=utf-8");

    /** RFC 4180: comma-separated, fields with commas, quotes or line breaks quoted (quotes doubled), CRLF after each row. */
    private static final CsvMapper CSV_MAPPER = new CsvMapper();
    private static final CsvSchema CSV_SCHEMA = CsvSchema.emptySchema().withColumnSeparator(',').withQuoteChar('"')
            .withLineSeparator("\r\n").withoutHeader();

    private final String extension;
    private final String contentType;

    ExportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** Whether a statement's stored JSON can be written as it is (NDJSON with identities shown). */
    public boolean takesStoredJson() {
        return this == NDJSON;
    }

    /** Rows written to {@code out}; the CSV header is written at once, so an empty export still names its columns. */
    public Rows open(Writer out) throws IOException {
        if (this == NDJSON) {
            return new Rows() {
                @Override
                public void stored(String json) throws IOException {
                    // Stored statements are compact JSON: no line breaks (those in strings are escaped).
                    out.write(json);
                    out.write('\n');
                }

                @Override
                public void statement(JsonNode statement) throws IOException {
                    stored(Json.write(statement));
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }
            };
        }
        // Not flushed after each row (Jackson's default): each page is flushed once, as one piece of the response.
        SequenceWriter csv = CSV_MAPPER.writer(CSV_SCHEMA).without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE).writeValues(out);
        csv.write(StatementCsv.COLUMNS);
        return new Rows() {
            @Override
            public void stored(String json) throws IOException {
                statement(Json.parse(json, "statement"));
            }

            @Override
            public void statement(JsonNode statement) throws IOException {
                csv.write(StatementCsv.row(statement));
            }

            @Override
            public void flush() throws IOException {
                csv.flush();
            }
        };
    }

    /** Where exported statements go, one at a time. */
    public interface Rows {
        /** A statement's JSON as stored. */
        void stored(String json) throws IOException;

        /** A statement already parsed (and pseudonymised when identities are hidden). */
        void statement(JsonNode statement) throws IOException;

        /** Sends what was written so far (after each page read from the store). */
        void flush() throws IOException;
    }
}
