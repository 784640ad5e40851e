package org.chorus.content.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.chorus.content.TargetKind;

import io.quarkus.logging.Log;

/**
 * admin's content-hidden / content-restored: a hidden post or comment disappears for everyone but its author (who
 * sees it marked {@code hidden}) and moderators. The two topics are not ordered against each other, so the decision
 * with the later time wins.
 */
@ApplicationScoped
public class Moderation {

    private final EntityManager em;

    Moderation(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void setHidden(String kind, UUID id, boolean hidden, Instant at) {
        String table = switch (kind) {
            case TargetKind.POST -> "post";
            case TargetKind.COMMENT -> "comment";
            default -> throw new IllegalArgumentException("content-hidden for a " + kind + " is not content");
        };
        int changed = em.createNativeQuery("update {h-schema}" + table + " set hidden = :hidden, hidden_changed_at = :at"
                        + " where id = :id and (hidden_changed_at is null or hidden_changed_at <= :at)")
                .setParameter("hidden", hidden).setParameter("at", at == null ? Now.micros() : at).setParameter("id", id)
                .executeUpdate();
        if (changed == 0) {
            // deleted since, or a later decision was already applied: nothing to do either way
            Log.debugf("%s %s: moderation decision (hidden=%s) not applied", kind, id, hidden);
        }
    }
}
