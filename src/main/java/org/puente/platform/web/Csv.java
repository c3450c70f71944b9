package org.puente.platform.web;

import java.util.List;

/**
 * CSV for spreadsheets: every cell quoted, and a cell that a spreadsheet would run as a formula
 * (starting with {@code = + - @}, a tab or a carriage return) neutralised with a leading apostrophe.
 */
public final class Csv {

    private Csv() {}

    public static String cell(String value) {
        if (value == null) {
            return "\"\"";
        }
        String safe = value;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    public static String row(List<String> values) {
        StringBuilder line = new StringBuilder();
        for (String value : values) {
            line.append(line.isEmpty() ? "" : ",").append(cell(value));
        }
        return line.append("\r\n").toString();
    }
}
