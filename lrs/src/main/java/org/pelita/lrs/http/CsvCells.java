package org.pelita.lrs.http;

/**
 * CSV cells opened in a spreadsheet: a text starting with =, +, -, @, a tab or a carriage return would be run as a
 * formula (OWASP, "CSV Injection"), so it gets an apostrophe in front, which spreadsheets show as text.
 */
final class CsvCells {
    private CsvCells() {
    }

    static String safe(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
