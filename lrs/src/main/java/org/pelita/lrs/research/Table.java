package org.pelita.lrs.research;

import java.util.List;

/** A report as rows, for CSV: a header and one row per module, lesson, quiz, question or response. */
public record Table(List<String> header, List<List<Object>> rows) {
    public Table {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }
}
