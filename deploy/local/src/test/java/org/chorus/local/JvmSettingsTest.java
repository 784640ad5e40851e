package org.chorus.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml and the Kubernetes manifests run every part's JVM as {@code deploy/jvm.properties} defines
 * it: the same flags ({@code JAVA_OPTS}) and the same memory limit. The launcher reads the file itself.
 */
class JvmSettingsTest {

    private static final Path ROOT =
            Path.of(System.getProperty("chorus.root", "../..")).toAbsolutePath().normalize();

    @Test
    void everyPartHasSettingsAndTheLauncherRunsThem() {
        for (Part part : Part.ALL) {
            JvmSettings settings = JvmSettings.of(ROOT, part.name());
            List<String> command = Suite.javaCommand(ROOT, part);
            assertTrue(command.containsAll(settings.localFlags()), part.name() + ": " + command);
            assertTrue(command.contains("-XX:MaxRAM=" + settings.memoryLimitMib() + "m"), part.name());
            assertEquals(part.jar(ROOT).toString(), command.get(command.size() - 1));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void dockerComposeRunsEachPartWithItsFlagsAndLimit() throws IOException {
        Map<String, Object> compose = load(ROOT.resolve("docker-compose.yml"));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        for (Part part : Part.ALL) {
            JvmSettings settings = JvmSettings.of(ROOT, part.name());
            Map<String, Object> service = (Map<String, Object>) services.get(part.name());
            Map<String, Object> environment = (Map<String, Object>) service.get("environment");
            assertEquals(settings.javaOpts(), environment.get("JAVA_OPTS"), part.name() + " JAVA_OPTS");
            assertEquals(settings.memoryLimitMib() + "m", service.get("mem_limit"), part.name() + " mem_limit");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void kubernetesRunsEachPartWithItsFlagsAndLimit() throws IOException {
        for (Part part : Part.ALL) {
            JvmSettings settings = JvmSettings.of(ROOT, part.name());
            Map<String, Object> deployment = deployment(ROOT.resolve("k8s/" + part.name() + ".yaml"));
            Map<String, Object> spec = (Map<String, Object>) deployment.get("spec");
            Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
            List<Map<String, Object>> containers = (List<Map<String, Object>>) pod.get("containers");
            assertEquals(1, containers.size(), part.name());
            Map<String, Object> container = containers.get(0);
            String javaOpts = ((List<Map<String, Object>>) container.get("env"))
                    .stream()
                            .filter(variable -> "JAVA_OPTS".equals(variable.get("name")))
                            .map(variable -> (String) variable.get("value"))
                            .findFirst()
                            .orElse(null);
            assertEquals(settings.javaOpts(), javaOpts, part.name() + " JAVA_OPTS");
            Map<String, Object> resources = (Map<String, Object>) container.get("resources");
            String limit = settings.memoryLimitMib() + "Mi";
            assertEquals(limit, ((Map<String, Object>) resources.get("limits")).get("memory"), part.name() + " limit");
            // requested = limit: the JVM's heap is sized from the limit, so the pod needs all of it
            assertEquals(limit, ((Map<String, Object>) resources.get("requests")).get("memory"), part.name());
        }
    }

    @Test
    void theHeapCeilingLeavesRoomInTheLimitAndBadValuesAreRefused() {
        for (Part part : Part.ALL) {
            JvmSettings settings = JvmSettings.of(ROOT, part.name());
            // metaspace, code cache, stacks and direct buffers of a Quarkus service need ~110-150 MiB beside the heap
            assertTrue(
                    settings.memoryLimitMib() - settings.maxHeapMib() >= 128,
                    part.name() + " leaves " + (settings.memoryLimitMib() - settings.maxHeapMib()) + " MiB");
        }
        assertThrows(IllegalArgumentException.class, () -> new JvmSettings("x", 256, 40, "Shenandoah", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new JvmSettings("x", 256, 95, "Serial", List.of()));
    }

    private static Map<String, Object> load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deployment(Path file) throws IOException {
        List<Map<String, Object>> deployments = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : new Yaml().loadAll(reader)) {
                if (document instanceof Map<?, ?> map && "Deployment".equals(map.get("kind"))) {
                    deployments.add((Map<String, Object>) map);
                }
            }
        }
        assertEquals(1, deployments.size(), file + " has one Deployment");
        return deployments.get(0);
    }
}
