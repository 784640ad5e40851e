package org.chorus.admin.service;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.chorus.admin.ErasureState;
import org.chorus.admin.config.ErasureConfig;
import org.chorus.web.KeysetCursor;
import org.chorus.web.Slice;
import org.chorus.web.Timestamps;

/**
 * Erasure requests (one per user-deleted) and the services' confirmations (erasure-confirmed). A request expects
 * the services configured when it opened; its state is derived when read: complete once every expected service
 * confirmed, overdue when one has not within the deadline, pending otherwise. Both writes are idempotent: the first
 * request and the first confirmation per service win.
 */
@ApplicationScoped
public class Erasures {

    private final EntityManager em;
    private final ErasureConfig config;

    Erasures(EntityManager em, ErasureConfig config) {
        this.em = em;
        this.config = config;
    }

    public record ServiceState(String service, Instant confirmedAt, String state) {}

    public record Item(UUID userId, Instant requestedAt, Instant deadline, String state, List<ServiceState> services) {}

    @Transactional(Transactional.TxType.MANDATORY)
    public void open(UUID userId, Instant requestedAt) {
        int opened = em.createNativeQuery("""
                        insert into {h-schema}erasure_request (user_id, requested_at) values (:id, :at)
                        on conflict do nothing""")
                .setParameter("id", userId)
                .setParameter("at", requestedAt)
                .executeUpdate();
        if (opened == 0) {
            return;
        }
        for (String service : config.services()) {
            em.createNativeQuery("""
                            insert into {h-schema}erasure_expected (user_id, service) values (:id, :service)
                            on conflict do nothing""")
                    .setParameter("id", userId)
                    .setParameter("service", service.strip())
                    .executeUpdate();
        }
    }

    /** Kept even without a request yet: the request, when it opens, finds it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void confirm(UUID userId, String service, Instant confirmedAt) {
        em.createNativeQuery("""
                        insert into {h-schema}erasure_confirmation (user_id, service, confirmed_at)
                        values (:id, :service, :at) on conflict do nothing""")
                .setParameter("id", userId)
                .setParameter("service", service)
                .setParameter("at", confirmedAt)
                .executeUpdate();
    }

    /** Newest requests first, keyset-paginated on (requested_at, user_id); state null for all. */
    @Transactional
    public Slice<Item> list(ErasureState state, KeysetCursor after, int limit) {
        Instant cutoff = Instant.now().minus(config.deadline());
        // the conditions are constants chosen by the enum, never input
        String stateCondition = switch (state == null ? "" : state.name()) {
            case "COMPLETE" -> " and m.missing = 0";
            case "PENDING" -> " and m.missing > 0 and m.requested_at >= :cutoff";
            case "OVERDUE" -> " and m.missing > 0 and m.requested_at < :cutoff";
            default -> "";
        };
        String sql = """
                select m.user_id, m.requested_at, m.missing from (
                    select r.user_id, r.requested_at,
                           (select count(*) from {h-schema}erasure_expected e
                            where e.user_id = r.user_id and not exists (select 1 from {h-schema}erasure_confirmation c
                                  where c.user_id = e.user_id and c.service = e.service)) as missing
                    from {h-schema}erasure_request r
                    where true""" + (after == null ? "" : " and (r.requested_at, r.user_id) < (:afterAt, :afterId)") + """
                ) m where true"""
                + stateCondition + " order by m.requested_at desc, m.user_id desc limit :limit";
        var query = em.createNativeQuery(sql).setParameter("limit", limit + 1);
        if (after != null) {
            query.setParameter("afterAt", Timestamp.from(after.at())).setParameter("afterId", after.id());
        }
        if (stateCondition.contains(":cutoff")) {
            query.setParameter("cutoff", Timestamp.from(cutoff));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        boolean more = rows.size() > limit;
        List<Item> items = new ArrayList<>();
        for (Object[] row : rows.subList(0, Math.min(limit, rows.size()))) {
            UUID userId = (UUID) row[0];
            Instant requestedAt = Timestamps.instant(row[1]);
            boolean complete = ((Number) row[2]).longValue() == 0;
            ErasureState itemState = complete
                    ? ErasureState.COMPLETE
                    : requestedAt.isBefore(cutoff) ? ErasureState.OVERDUE : ErasureState.PENDING;
            items.add(new Item(
                    userId, requestedAt, requestedAt.plus(config.deadline()), itemState.value(), services(userId)));
        }
        Item last = items.isEmpty() ? null : items.get(items.size() - 1);
        return new Slice<>(items, more ? new KeysetCursor(last.requestedAt(), last.userId()) : null);
    }

    private List<ServiceState> services(UUID userId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery("""
                        select e.service, c.confirmed_at from {h-schema}erasure_expected e
                        left join {h-schema}erasure_confirmation c on c.user_id = e.user_id and c.service = e.service
                        where e.user_id = :id order by e.service""").setParameter("id", userId).getResultList();
        Map<String, ServiceState> states = new LinkedHashMap<>();
        for (Object[] row : rows) {
            Instant at = row[1] == null ? null : Timestamps.instant(row[1]);
            states.put((String) row[0], new ServiceState((String) row[0], at, at == null ? "pending" : "confirmed"));
        }
        return List.copyOf(states.values());
    }
}
