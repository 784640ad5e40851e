package org.chorus.admin.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.chorus.admin.config.ExportConfig;
import org.chorus.events.Events;
import org.chorus.events.privacy.DataExportChunks;
import org.chorus.events.privacy.DataExportPart;
import org.chorus.events.privacy.DataExportReady;
import org.chorus.outbox.Outbox;

import io.quarkus.logging.Log;

/**
 * Collects the parts of a data export as they come (one data-export-part per chunk) and, once every expected
 * service's part is complete, assembles the zip (one {@code <service>.json} per service), keeps it until it expires
 * and publishes data-export-ready with the one-time download link. The export's row is locked while a chunk is
 * stored, so two chunks arriving at once cannot both, or neither, see the export complete.
 */
@ApplicationScoped
public class DataExportAssembly {

    private final EntityManager entityManager;
    private final ExportConfig config;
    private final Outbox outbox;

    DataExportAssembly(EntityManager entityManager, ExportConfig config, Outbox outbox) {
        this.entityManager = entityManager;
        this.config = config;
        this.outbox = outbox;
    }

    /**
     * Stores one chunk. A chunk of an unknown, finished or erased export, or of a service the export does not wait
     * for, is dropped (logged): it is late, not wrong. A malformed one is an error (dead letter).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void receive(DataExportPart part) {
        if (part.exportId() == null || part.userId() == null || part.service() == null) {
            throw new IllegalArgumentException("data-export-part lacks exportId, userId or service");
        }
        if (part.chunks() < 1
                || part.chunks() > DataExportChunks.MAX_CHUNKS
                || part.chunk() < 0
                || part.chunk() >= part.chunks()) {
            throw new IllegalArgumentException("data-export-part has chunk " + part.chunk() + " of " + part.chunks());
        }
        byte[] content = DataExportChunks.decode(part.content());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select user_id, state from {h-schema}data_export where id = :id for update")
                .setParameter("id", part.exportId())
                .getResultList();
        if (rows.isEmpty() || !"pending".equals(rows.get(0)[1])) {
            Log.infof("Dropped a part (%s) of export %s: unknown or no longer open", part.service(), part.exportId());
            return;
        }
        if (!part.userId().equals(rows.get(0)[0])) {
            throw new IllegalArgumentException("data-export-part names another user than its export");
        }
        int stored = entityManager
                .createNativeQuery("""
                        insert into {h-schema}data_export_chunk
                            (export_id, service, chunk, chunks, content, received_at)
                        select :id, e.service, :chunk, :chunks, :content, now() from {h-schema}data_export_expected e
                        where e.export_id = :id and e.service = :service
                        on conflict do nothing""")
                .setParameter("id", part.exportId())
                .setParameter("service", part.service())
                .setParameter("chunk", part.chunk())
                .setParameter("chunks", part.chunks())
                .setParameter("content", content)
                .executeUpdate();
        if (stored == 1) {
            completeIfDone(part.exportId(), part.userId());
        }
    }

    /** The services whose part is complete: every chunk of one consistent split is in. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Boolean> parts(UUID exportId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                        select e.service, count(c.chunk), min(c.chunks), max(c.chunks)
                        from {h-schema}data_export_expected e
                        left join {h-schema}data_export_chunk c on c.export_id = e.export_id and c.service = e.service
                        where e.export_id = :id group by e.service order by e.service""")
                .setParameter("id", exportId)
                .getResultList();
        Map<String, Boolean> parts = new LinkedHashMap<>();
        for (Object[] row : rows) {
            long count = ((Number) row[1]).longValue();
            parts.put((String) row[0], count > 0 && row[2].equals(row[3]) && count == ((Number) row[3]).longValue());
        }
        return parts;
    }

    private void completeIfDone(UUID exportId, UUID userId) {
        Map<String, Boolean> parts = parts(exportId);
        if (parts.containsValue(false)) {
            return;
        }
        Instant now = Instant.now();
        Instant expiresAt = now.plus(config.retention());
        byte[] zip = zip(exportId, userId, parts.keySet(), now);
        String code = DownloadCodes.newCode();
        entityManager
                .createNativeQuery("""
                        update {h-schema}data_export set state = 'ready', ready_at = :now, expires_at = :expires,
                            code_hash = :hash, archive = :zip, archive_size = :size where id = :id""")
                .setParameter("now", now)
                .setParameter("expires", expiresAt)
                .setParameter("hash", DownloadCodes.hash(code))
                .setParameter("zip", zip)
                .setParameter("size", (long) zip.length)
                .setParameter("id", exportId)
                .executeUpdate();
        entityManager
                .createNativeQuery("delete from {h-schema}data_export_chunk where export_id = :id")
                .setParameter("id", exportId)
                .executeUpdate();
        outbox.publish(
                Events.DATA_EXPORT_READY,
                userId,
                new DataExportReady(exportId, userId, DownloadCodes.link(config.publicUrl(), code), expiresAt));
    }

    private byte[] zip(UUID exportId, UUID userId, Iterable<String> services, Instant now) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("README.txt"));
            zip.write(("Your Chorus data, export " + exportId + " of user " + userId + ", assembled " + now
                            + ".\nOne JSON file per service that holds data of yours.\n")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (String service : services) {
                zip.putNextEntry(new ZipEntry(service + ".json"));
                zip.write(document(exportId, service));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the export's zip", e);
        }
        return bytes.toByteArray();
    }

    private byte[] document(UUID exportId, String service) {
        @SuppressWarnings("unchecked")
        List<byte[]> chunks = entityManager
                .createNativeQuery("""
                        select content from {h-schema}data_export_chunk where export_id = :id and service = :service
                        order by chunk""")
                .setParameter("id", exportId)
                .setParameter("service", service)
                .getResultList();
        return DataExportChunks.join(new ArrayList<>(chunks));
    }
}
