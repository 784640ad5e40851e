package org.chorus.local.bad;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The processes' logs from a mark on: the ERROR entries that carry a stack trace, written while the suite was being
 * fed malformed requests. A client's bad input is a 4xx, never an error the operator is paged for.
 */
public final class ServiceLogs {

    /** A log entry starts with Quarkus' timestamp and level: {@code 2026-12-03 14:00:00,123 ERROR [logger] (thread) …}. */
    private static final Pattern ENTRY = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d[,.]\\d+\\s+(\\w+)\\s.*");
    private static final Pattern FRAME = Pattern.compile("^\\s+at \\S+\\(.*|^Caused by: .*|^\\s+\\.\\.\\. \\d+ more.*");
    /** An exception named in the entry's own line, as mappers that log only the message write it. */
    private static final Pattern EXCEPTION = Pattern.compile(".*\\b[a-z][\\w$]*(\\.[\\w$]+)+(Exception|Error)\\b.*");

    private final Path directory;
    private final Map<Path, Long> offsets;

    private ServiceLogs(Path directory, Map<Path, Long> offsets) {
        this.directory = directory;
        this.offsets = offsets;
    }

    /** Marks where every log of the directory ends now. */
    public static ServiceLogs mark(Path directory) {
        Map<Path, Long> offsets = new LinkedHashMap<>();
        for (Path log : logs(directory)) {
            offsets.put(log, size(log));
        }
        return new ServiceLogs(directory, offsets);
    }

    /** Each ERROR entry with a stack trace or an exception's name written since the mark, as "part.log: its first lines". */
    public List<String> errorsWithStackTraces() {
        List<String> found = new ArrayList<>();
        for (Path log : logs(directory)) {
            List<String> entry = new ArrayList<>();
            for (String line : since(log, offsets.getOrDefault(log, 0L))) {
                var start = ENTRY.matcher(line);
                if (start.matches()) {
                    report(log, entry, found);
                    entry = new ArrayList<>();
                }
                entry.add(line);
            }
            report(log, entry, found);
        }
        return found;
    }

    static boolean isErrorWithStackTrace(List<String> entry) {
        if (entry.isEmpty()) {
            return false;
        }
        var start = ENTRY.matcher(entry.get(0));
        return start.matches() && start.group(1).equals("ERROR")
                && (EXCEPTION.matcher(entry.get(0)).matches()
                        || entry.stream().skip(1).anyMatch(line -> FRAME.matcher(line).matches()));
    }

    private static void report(Path log, List<String> entry, List<String> found) {
        if (isErrorWithStackTrace(entry)) {
            found.add(log.getFileName() + ": " + String.join("\n    ", entry.subList(0, Math.min(entry.size(), 6))));
        }
    }

    private static List<String> since(Path log, long offset) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length <= offset) {
                return List.of();
            }
            byte[] bytes = new byte[(int) Math.min(length - offset, 64L << 20)];
            file.seek(offset);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> logs(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path log) {
        try {
            return Files.size(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
