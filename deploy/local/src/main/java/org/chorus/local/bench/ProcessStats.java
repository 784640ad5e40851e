package org.chorus.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the benchmarks read about a running JVM from outside: its collector's time (jstat) and its memory (/proc). */
final class ProcessStats {

    private ProcessStats() {}

    /** Seconds the JVM's collectors have spent since it started (jstat's GCT), -1 when jstat cannot say. */
    static double gcSeconds(long pid) {
        try {
            Process jstat = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "jstat")
                                    .toString(),
                            "-gc",
                            Long.toString(pid))
                    .redirectErrorStream(true)
                    .start();
            List<String> lines =
                    new String(jstat.getInputStream().readAllBytes()).lines().toList();
            jstat.waitFor();
            if (lines.size() < 2) {
                return -1;
            }
            List<String> header = List.of(lines.get(0).trim().split("\\s+"));
            String[] values = lines.get(1).trim().split("\\s+");
            return Double.parseDouble(values[header.indexOf("GCT")]);
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Resident memory in MiB now ({@code VmRSS}) or at its highest ({@code VmHWM}). */
    static long residentMib(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** {@code jcmd <pid> VM.native_memory summary}: the JVM's own account of its memory (needs NMT on). */
    static String nativeMemory(long pid) {
        try {
            Process jcmd = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                    .toString(),
                            Long.toString(pid),
                            "VM.native_memory",
                            "summary")
                    .redirectErrorStream(true)
                    .start();
            String text = new String(jcmd.getInputStream().readAllBytes());
            jcmd.waitFor();
            return text;
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }

    static String uptime() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
