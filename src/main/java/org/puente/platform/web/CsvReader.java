package org.puente.platform.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict RFC 4180 reader for files people upload: a leading byte-order mark is dropped, the separator
 * (comma or semicolon, as spreadsheets in Spanish write it) is taken from the header line, quoted cells
 * may hold separators, doubled quotes and line breaks; lines end in CRLF or LF. Anything else (a stray
 * quote, an unterminated cell) is refused rather than guessed at.
 */
public final class CsvReader {

    private final String text;
    private final char separator;
    private int position;
    private int record;

    public CsvReader(String text) {
        this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        this.separator = detectSeparator(this.text);
    }

    /** The separator the header line uses: a semicolon only when it has more of them than commas. */
    static char detectSeparator(String text) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    public char separator() {
        return separator;
    }

    /** The number of the record {@link #next} returned last, counting from 1 (blank lines not counted). */
    public int recordNumber() {
        return record;
    }

    /**
     * The next record's cells, or null at the end. Blank lines are skipped.
     *
     * @throws MalformedCsvException on a stray or unterminated quote
     */
    public List<String> next() {
        while (position < text.length() && (text.charAt(position) == '\n' || text.charAt(position) == '\r')) {
            position++;
        }
        if (position >= text.length()) {
            return null;
        }
        record++;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        while (true) {
            if (position < text.length() && text.charAt(position) == '"') {
                position++;
                while (true) {
                    if (position >= text.length()) {
                        throw new MalformedCsvException("unterminated quoted cell in record " + record);
                    }
                    char c = text.charAt(position++);
                    if (c == '"') {
                        if (position < text.length() && text.charAt(position) == '"') {
                            cell.append('"');
                            position++;
                        } else {
                            break;
                        }
                    } else {
                        cell.append(c);
                    }
                }
                if (position < text.length() && !isEnd(text.charAt(position))) {
                    throw new MalformedCsvException("text after a closing quote in record " + record);
                }
            } else {
                while (position < text.length() && !isEnd(text.charAt(position))) {
                    char c = text.charAt(position++);
                    if (c == '"') {
                        throw new MalformedCsvException("a quote inside an unquoted cell in record " + record);
                    }
                    cell.append(c);
                }
            }
            cells.add(cell.toString());
            cell.setLength(0);
            if (position >= text.length()) {
                return cells;
            }
            char end = text.charAt(position++);
            if (end == '\r') {
                if (position < text.length() && text.charAt(position) == '\n') {
                    position++;
                }
                return cells;
            }
            if (end == '\n') {
                return cells;
            }
        }
    }

    private boolean isEnd(char c) {
        return c == separator || c == '\n' || c == '\r';
    }

    /** The text is not CSV this reader will interpret. */
    public static class MalformedCsvException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public MalformedCsvException(String message) {
            super(message);
        }
    }
}
