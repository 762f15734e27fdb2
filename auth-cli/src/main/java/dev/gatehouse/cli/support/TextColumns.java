package dev.gatehouse.cli.support;

import java.util.ArrayList;
import java.util.List;

/** Rows of text laid out in columns two spaces apart, each as wide as its widest cell. */
public final class TextColumns {

    private TextColumns() {
    }

    /** The lines of {@code rows} (the first is usually the headings), without trailing spaces. */
    public static List<String> lines(List<String[]> rows) {
        int columns = rows.stream().mapToInt(row -> row.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < row.length; column++) {
                String cell = row[column];
                line.append(cell);
                if (column < row.length - 1) {
                    line.append(" ".repeat(widths[column] + 2 - cell.length()));
                }
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
