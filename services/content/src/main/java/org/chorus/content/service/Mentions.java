package org.chorus.content.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.chorus.content.Entities;
import org.chorus.content.Entities.Mention;

/** Turns a text into its entities: hashtags as written, {@code @username}s of users content knows. */
@ApplicationScoped
class Mentions {

    private final EntityManager em;

    Mentions(EntityManager em) {
        this.em = em;
    }

    Entities of(String text) {
        List<EntityParser.Candidate> candidates = EntityParser.mentions(text);
        Map<String, UUID> known = candidates.isEmpty() ? Map.of() : resolve(candidates);
        List<Mention> mentions = new ArrayList<>();
        for (EntityParser.Candidate c : candidates) {
            UUID id = known.get(c.username());
            if (id != null) {
                mentions.add(new Mention(c.username(), id, c.start(), c.end()));
            }
        }
        return new Entities(mentions, EntityParser.hashtags(text));
    }

    @SuppressWarnings("unchecked")
    private Map<String, UUID> resolve(List<EntityParser.Candidate> candidates) {
        List<String> names = candidates.stream().map(EntityParser.Candidate::username).distinct().toList();
        Map<String, UUID> ids = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery(
                        "select username, id from {h-schema}app_user where username in (:names) and not suspended")
                .setParameter("names", names).getResultList()) {
            ids.putIfAbsent((String) row[0], Rows.uuid(row[1]));
        }
        return ids;
    }
}
