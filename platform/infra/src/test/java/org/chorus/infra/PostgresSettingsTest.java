package org.chorus.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PostgresSettingsTest {

    @Test
    void settingsAreNameValuePairsSeparatedByCommas() {
        Map<String, String> settings =
                Postgres.settings("shared_buffers=2GB, work_mem=16MB,,pg_stat_statements.max=500");
        assertEquals(List.of("shared_buffers", "work_mem", "pg_stat_statements.max"), List.copyOf(settings.keySet()));
        assertEquals("2GB", settings.get("shared_buffers"));
        assertEquals("500", settings.get("pg_stat_statements.max"));
        assertEquals(Map.of(), Postgres.settings(""));
    }

    @Test
    void aMalformedSettingIsRefusedBeforeTheServerStarts() {
        assertThrows(IllegalArgumentException.class, () -> Postgres.settings("shared_buffers"));
        assertThrows(IllegalArgumentException.class, () -> Postgres.settings("shared_buffers="));
        assertThrows(IllegalArgumentException.class, () -> Postgres.settings("shared buffers=1GB"));
    }
}
