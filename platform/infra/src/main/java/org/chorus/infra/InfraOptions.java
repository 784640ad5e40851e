package org.chorus.infra;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * What to start and where.
 *
 * @param dataDir where every part keeps its data (a sub-directory each), kept on close; null for a
 *                temporary directory that is deleted on close
 * @param fresh   wipe the parts' data in {@code dataDir} before starting
 * @param ports   where each part listens
 * @param parts   which parts to start (parts given in the environment are never started)
 */
public record InfraOptions(Path dataDir, boolean fresh, InfraPorts ports, Set<Part> parts) {

    public InfraOptions {
        parts = Set.copyOf(parts);
    }

    /** Everything on random free ports, data in a temporary directory: for tests. */
    public static InfraOptions ephemeral() {
        return new InfraOptions(null, false, InfraPorts.RANDOM, EnumSet.allOf(Part.class));
    }

    /** Everything on the fixed local ports, data kept in {@code dataDir}: for the launcher. */
    public static InfraOptions local(Path dataDir, boolean fresh) {
        return new InfraOptions(dataDir, fresh, InfraPorts.LOCAL, EnumSet.allOf(Part.class));
    }

    public InfraOptions only(Part first, Part... more) {
        return new InfraOptions(dataDir, fresh, ports, EnumSet.of(first, more));
    }

    public InfraOptions without(Part part) {
        EnumSet<Part> remaining = parts.isEmpty() ? EnumSet.noneOf(Part.class) : EnumSet.copyOf(parts);
        remaining.remove(part);
        return new InfraOptions(dataDir, fresh, ports, remaining);
    }

    public InfraOptions withPorts(InfraPorts ports) {
        return new InfraOptions(dataDir, fresh, ports, parts);
    }

    boolean wants(Part part) {
        return parts.contains(part);
    }
}
