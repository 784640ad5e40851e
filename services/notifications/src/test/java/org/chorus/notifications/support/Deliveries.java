package org.chorus.notifications.support;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Reads the delivery log straight from the database, to check what the service recorded. */
@ApplicationScoped
public class Deliveries {

    private final EntityManager entityManager;

    Deliveries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public record Row(String eventId, String kind, String recipient, String status, int attempts, String lastError) {}

    /** The stored template data of each delivery to {@code recipient}, as JSON text. */
    public List<String> dataTo(String recipient) {
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery(
                                "select cast(data as text) from {h-schema}delivery where recipient = :recipient",
                                String.class)
                        .setParameter("recipient", recipient)
                        .getResultList());
    }

    public List<Row> to(String recipient) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = entityManager
                    .createNativeQuery("""
                            select event_id, kind, recipient, status, attempts, last_error
                            from {h-schema}delivery where recipient = :recipient order by created_at""")
                    .setParameter("recipient", recipient)
                    .getResultList();
            return rows.stream()
                    .map(r -> (Object[]) r)
                    .map(r -> new Row(
                            (String) r[0],
                            (String) r[1],
                            (String) r[2],
                            (String) r[3],
                            ((Number) r[4]).intValue(),
                            (String) r[5]))
                    .toList();
        });
    }
}
