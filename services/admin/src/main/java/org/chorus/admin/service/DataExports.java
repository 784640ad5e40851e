package org.chorus.admin.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.chorus.admin.config.ExportConfig;
import org.chorus.events.Events;
import org.chorus.events.privacy.DataExportChunks;
import org.chorus.events.privacy.DataExportRequested;
import org.chorus.outbox.Outbox;
import org.chorus.web.KeysetCursor;
import org.chorus.web.ProblemException;
import org.chorus.web.Slice;
import org.chorus.web.Timestamps;

/**
 * A user's data exports: asking for one (one open at a time; an open one past its deadline is abandoned so the user
 * can ask again), reading its state (owner only), downloading the zip with the one-time code until it expires, and
 * the expiry itself. The state is derived when read: {@code overdue} is a pending export past the deadline (a
 * service's part never came), {@code expired} a ready one past its expiry even before the job ran.
 */
@ApplicationScoped
public class DataExports {

    private static final String ADMIN = "admin";

    private final EntityManager entityManager;
    private final ExportConfig config;
    private final Outbox outbox;
    private final DataExportAssembly assembly;
    private final AdminExportPart adminPart;

    DataExports(
            EntityManager entityManager,
            ExportConfig config,
            Outbox outbox,
            DataExportAssembly assembly,
            AdminExportPart adminPart) {
        this.entityManager = entityManager;
        this.config = config;
        this.outbox = outbox;
        this.assembly = assembly;
        this.adminPart = adminPart;
    }

    public record PartState(String service, String state) {}

    public record View(
            UUID id,
            String state,
            Instant requestedAt,
            Instant deadline,
            Instant readyAt,
            Instant expiresAt,
            List<PartState> parts) {}

    public record Archive(UUID id, byte[] zip) {}

    /** What administrators see of an export: whose it is and how far it got, never its data. */
    public record Summary(
            UUID id, UUID userId, String state, Instant requestedAt, Instant deadline, List<PartState> parts) {}

    public static final List<String> STATES = List.of("pending", "overdue", "ready", "expired", "abandoned");

    @Transactional
    public View request(UUID userId) {
        lockExportsOf(userId);
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<Object[]> open = entityManager
                .createNativeQuery("""
                        select id, requested_at from {h-schema}data_export where user_id = :user and state = 'pending'""")
                .setParameter("user", userId)
                .getResultList();
        if (!open.isEmpty()) {
            UUID openId = (UUID) open.get(0)[0];
            if (!Timestamps.instant(open.get(0)[1]).isBefore(now.minus(config.deadline()))) {
                throw ProblemException.conflict(
                        "export-in-progress", "An export of your data is being prepared already: " + openId);
            }
            abandon(openId);
        }
        UUID id = UUID.randomUUID();
        entityManager
                .createNativeQuery("""
                        insert into {h-schema}data_export (id, user_id, state, requested_at)
                        values (:id, :user, 'pending', :now)""")
                .setParameter("id", id)
                .setParameter("user", userId)
                .setParameter("now", now)
                .executeUpdate();
        List<String> services = config.services().stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
        for (String service : services) {
            entityManager
                    .createNativeQuery(
                            "insert into {h-schema}data_export_expected (export_id, service) values (:id, :service)")
                    .setParameter("id", id)
                    .setParameter("service", service)
                    .executeUpdate();
        }
        outbox.publish(Events.DATA_EXPORT_REQUESTED, userId, new DataExportRequested(id, userId, now));
        if (services.contains(ADMIN)) {
            // admin's own part, in the request's transaction: the same path as every other service's part
            DataExportChunks.split(id, userId, ADMIN, adminPart.of(userId), now).forEach(assembly::receive);
        }
        return view(userId, id);
    }

    /** The export, if it is the caller's; anyone else's is a 404 (they may not know it exists). */
    @Transactional
    public View view(UUID userId, UUID exportId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                        select user_id, state, requested_at, ready_at, expires_at from {h-schema}data_export
                        where id = :id""")
                .setParameter("id", exportId)
                .getResultList();
        if (rows.isEmpty() || !userId.equals(rows.get(0)[0])) {
            throw ProblemException.notFound("Export");
        }
        Object[] row = rows.get(0);
        Instant now = Instant.now();
        Instant requestedAt = Timestamps.instant(row[2]);
        Instant expiresAt = Timestamps.instant(row[4]);
        String state = (String) row[1];
        if ("pending".equals(state) && requestedAt.plus(config.deadline()).isBefore(now)) {
            state = "overdue";
        } else if ("ready".equals(state) && !expiresAt.isAfter(now)) {
            state = "expired";
        }
        List<PartState> parts = new ArrayList<>();
        boolean assembled = !"pending".equals(row[1]) && !"abandoned".equals(row[1]);
        for (Map.Entry<String, Boolean> part : assembly.parts(exportId).entrySet()) {
            parts.add(new PartState(part.getKey(), assembled || part.getValue() ? "received" : "pending"));
        }
        return new View(
                exportId,
                state,
                requestedAt,
                requestedAt.plus(config.deadline()),
                Timestamps.instant(row[3]),
                expiresAt,
                parts);
    }

    /**
     * Exports of every user, newest first, keyset-paginated on (requested_at, id); {@code state} null for all. For
     * administrators, who look for the overdue ones: a service whose part never came.
     */
    @Transactional
    public Slice<Summary> list(String state, KeysetCursor after, int limit) {
        Instant now = Instant.now();
        Instant cutoff = now.minus(config.deadline());
        // the conditions are constants chosen by the state, never input
        String condition = switch (state == null ? "" : state) {
            case "pending" -> " and state = 'pending' and requested_at >= :cutoff";
            case "overdue" -> " and state = 'pending' and requested_at < :cutoff";
            case "ready" -> " and state = 'ready' and expires_at > :now";
            case "expired" -> " and (state = 'expired' or (state = 'ready' and expires_at <= :now))";
            case "abandoned" -> " and state = 'abandoned'";
            default -> "";
        };
        var query = entityManager
                .createNativeQuery("select id, user_id from {h-schema}data_export where true" + condition
                        + (after == null ? "" : " and (requested_at, id) < (:afterAt, :afterId)")
                        + " order by requested_at desc, id desc limit :limit")
                .setParameter("limit", limit + 1);
        if (condition.contains(":cutoff")) {
            query.setParameter("cutoff", cutoff);
        }
        if (condition.contains(":now")) {
            query.setParameter("now", now);
        }
        if (after != null) {
            query.setParameter("afterAt", java.sql.Timestamp.from(after.at())).setParameter("afterId", after.id());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<Summary> items = new ArrayList<>();
        for (Object[] row : rows.subList(0, Math.min(limit, rows.size()))) {
            View view = view((UUID) row[1], (UUID) row[0]);
            items.add(new Summary(
                    view.id(), (UUID) row[1], view.state(), view.requestedAt(), view.deadline(), view.parts()));
        }
        Summary last = items.isEmpty() ? null : items.get(items.size() - 1);
        return new Slice<>(items, rows.size() > limit ? new KeysetCursor(last.requestedAt(), last.id()) : null);
    }

    /** The zip of a ready export by its code: 404 for an unknown code, 410 once it has expired. */
    @Transactional
    public Archive download(String code) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                        select id, state, expires_at, archive from {h-schema}data_export where code_hash = :hash""")
                .setParameter("hash", DownloadCodes.hash(code))
                .getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("Export");
        }
        Object[] row = rows.get(0);
        if (!"ready".equals(row[1]) || !Timestamps.instant(row[2]).isAfter(Instant.now()) || row[3] == null) {
            throw new ProblemException(410, "export-expired", "Gone", "This export has expired; ask for a new one");
        }
        return new Archive((UUID) row[0], (byte[]) row[3]);
    }

    /** Deletes the archives of exports past their expiry; the row stays (a late click on the link is a 410). */
    @Transactional
    public int expireDue() {
        return entityManager
                .createNativeQuery("""
                        update {h-schema}data_export set state = 'expired', archive = null, archive_size = null
                        where state = 'ready' and expires_at <= :now""")
                .setParameter("now", Instant.now())
                .executeUpdate();
    }

    /** user-deleted: the user's exports go, archives and all. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID userId) {
        lockExportsOf(userId);
        entityManager
                .createNativeQuery("delete from {h-schema}data_export where user_id = :user")
                .setParameter("user", userId)
                .executeUpdate();
    }

    private void abandon(UUID exportId) {
        entityManager
                .createNativeQuery("update {h-schema}data_export set state = 'abandoned' where id = :id")
                .setParameter("id", exportId)
                .executeUpdate();
        entityManager
                .createNativeQuery("delete from {h-schema}data_export_chunk where export_id = :id")
                .setParameter("id", exportId)
                .executeUpdate();
    }

    /** Two requests of one user at once: one waits, then sees the other's export open (409), never a 500. */
    private void lockExportsOf(UUID userId) {
        // a key space of its own: the high bit clear, the second-highest set (the audit log and sanctions use others)
        long key = ((userId.getMostSignificantBits() * 17 + userId.getLeastSignificantBits()) & Long.MAX_VALUE)
                | 0x4000_0000_0000_0000L;
        entityManager
                .createNativeQuery("select 1 from (select pg_advisory_xact_lock(:key)) locked")
                .setParameter("key", key)
                .getSingleResult();
    }
}
