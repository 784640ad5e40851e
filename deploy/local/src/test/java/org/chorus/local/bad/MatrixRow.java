package org.chorus.local.bad;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of {@code authorisation-matrix.csv}: an operation, the outcome expected for each caller, whether the row needs
 * members of its own (it logs out, deletes or uses up what the members have), the concrete request with fixture
 * placeholders, and its body (the last column, so it may hold commas).
 */
public record MatrixRow(String method, String path, Map<String, String> expected, boolean fresh, String target,
        String body, int line) {

    public static final List<String> CALLERS = List.of("anonymous", "owner", "other", "moderator", "admin");
    private static final int COLUMNS = 5 + CALLERS.size();

    public String key() {
        return method + " " + path;
    }

    public static List<MatrixRow> read(InputStream csv) {
        List<MatrixRow> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false; // the column names
                    continue;
                }
                rows.add(parse(line, number));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static MatrixRow parse(String line, int number) {
        String[] cells = line.split(",", COLUMNS);
        if (cells.length < COLUMNS - 1) {
            throw new IllegalArgumentException("line " + number + " has " + cells.length + " columns, wants " + COLUMNS
                    + ": " + line);
        }
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < CALLERS.size(); i++) {
            String outcome = cells[2 + i].trim();
            if (!Outcome.isKnown(outcome)) {
                throw new IllegalArgumentException("line " + number + ": unknown outcome '" + outcome + "' for "
                        + CALLERS.get(i));
            }
            expected.put(CALLERS.get(i), outcome);
        }
        String target = cells[3 + CALLERS.size()].trim();
        String body = cells.length > COLUMNS - 1 ? cells[COLUMNS - 1].trim() : "";
        return new MatrixRow(cells[0].trim(), cells[1].trim(), expected, cells[2 + CALLERS.size()].trim().equals("fresh"),
                target.isEmpty() ? cells[1].trim() : target, body.isEmpty() ? null : body, number);
    }

    /**
     * The expected outcomes: an exact status, a status class, "ok" (allowed: not refused, whatever the content), or
     * "skip" (not sent, and the run says so: for what would disturb the suite for every later test).
     */
    public static final class Outcome {

        private Outcome() {
        }

        static boolean isKnown(String outcome) {
            return outcome.matches("2xx|ok|any4xx|skip|[1-5]\\d\\d");
        }

        /** Whether the table lets this outcome be a 2xx. */
        public static boolean grants(String outcome) {
            return outcome.equals("2xx") || outcome.equals("ok") || outcome.startsWith("2");
        }

        public static boolean matches(String outcome, int status) {
            return switch (outcome) {
                case "2xx" -> status >= 200 && status < 300;
                // authorised, but the request itself may be refused (a conflict, a spent link): never 401/403/5xx
                case "ok" -> status < 500 && status != 401 && status != 403;
                case "any4xx" -> status >= 400 && status < 500;
                default -> status == Integer.parseInt(outcome);
            };
        }
    }
}
