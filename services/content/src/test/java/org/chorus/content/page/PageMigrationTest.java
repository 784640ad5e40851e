package org.chorus.content.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import jakarta.inject.Inject;

import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * V50 on a schema that holds V1's pages, as installations do: every row is kept (slug -> url, title -> name and
 * title, body -> description) and becomes version 1. Runs the two scripts in a schema of its own, so the
 * service's schema (already migrated) stays as it is.
 */
@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class PageMigrationTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void v50KeepsV1sPagesAsVersion1() throws Exception {
        String schema = "pages_migration_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("create schema " + schema);
            sql.execute("set search_path to " + schema + ", public");
            try {
                sql.execute(script("V1__page.sql"));
                sql.execute("insert into page (slug, title, body, updated_at) values "
                        + "('about', 'About Chorus', 'We sing together.', '2026-01-02T03:04:05Z'), "
                        + "('terms-of-use', 'Terms', '', '2026-02-03T04:05:06Z')");
                sql.execute(script("V50__pages_with_versions.sql"));

                try (ResultSet page = sql.executeQuery("select * from page where url = 'about'")) {
                    assertTrue(page.next());
                    assertNotNull(page.getObject("id", UUID.class));
                    assertEquals("About Chorus", page.getString("name"));
                    assertEquals("About Chorus", page.getString("title"));
                    assertEquals("We sing together.", page.getString("description"));
                    assertNull(page.getString("language"));
                    assertEquals(0, page.getInt("sort_index"));
                    assertEquals("footer", page.getString("place"));
                    assertEquals(1, page.getInt("version"));
                    assertEquals(page.getTimestamp("updated_at"), page.getTimestamp("created_at"));
                    assertEquals(
                            java.time.Instant.parse("2026-01-02T03:04:05Z"),
                            page.getTimestamp("updated_at").toInstant());
                }
                try (ResultSet versions =
                        sql.executeQuery("select v.number, v.url, v.description, v.saved_at = p.updated_at"
                                + " from page_version v join page p on p.id = v.page_id order by v.url")) {
                    assertTrue(versions.next());
                    assertEquals(1, versions.getInt(1));
                    assertEquals("about", versions.getString(2));
                    assertTrue(versions.getBoolean(4));
                    assertTrue(versions.next());
                    assertEquals("terms-of-use", versions.getString(2));
                    assertEquals("", versions.getString(3));
                    assertTrue(!versions.next());
                }
                try (ResultSet found =
                        sql.executeQuery("select url from page where search @@ page_search_query('together')")) {
                    // the migrated pages are searchable at once
                    assertTrue(found.next());
                    assertEquals("about", found.getString(1));
                    assertTrue(!found.next());
                }
                try (ResultSet old = sql.executeQuery("select to_regclass('" + schema + ".page_v1')")) {
                    old.next();
                    assertNull(old.getObject(1));
                }
                // the constraints hold: a url is unique and path-safe
                assertThrows(
                        SQLException.class,
                        () -> sql.execute(
                                "insert into page (id, name, url, description,"
                                        + " version, created_at, updated_at) values (gen_random_uuid(), 'x', 'about', '', 1, now(), now())"));
                assertThrows(
                        SQLException.class,
                        () -> sql.execute(
                                "insert into page (id, name, url, description,"
                                        + " version, created_at, updated_at) values (gen_random_uuid(), 'x', '/bad/', '', 1, now(), now())"));
            } finally {
                sql.execute("set search_path to default");
                sql.execute("drop schema " + schema + " cascade");
            }
        }
    }

    private static String script(String name) throws IOException {
        try (InputStream in = PageMigrationTest.class.getClassLoader().getResourceAsStream("db/migration/" + name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
