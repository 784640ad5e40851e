package org.chorus.users.service;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.chorus.users.Profile;
import org.chorus.web.ProblemException;

import io.quarkus.logging.Log;

/** Profiles: who may see which, and the owner's own changes. */
@ApplicationScoped
public class ProfileService {

    private final EntityManager em;
    private final Relations relations;
    private final ProfileCache cache;
    private final SuggestionIndex suggestions;

    ProfileService(EntityManager em, Relations relations, ProfileCache cache, SuggestionIndex suggestions) {
        this.em = em;
        this.relations = relations;
        this.cache = cache;
        this.suggestions = suggestions;
    }

    /** A profile as one viewer may see it: in full, as a card (name and avatar only), or not at all. */
    public record Seen(ProfileSnapshot profile, boolean full) {}

    /** The profile row, from the cache when it is there (cache-aside; Redis trouble falls back here). */
    private Optional<ProfileSnapshot> load(UUID id) {
        Optional<ProfileSnapshot> cached = cache.get(id);
        if (cached.isPresent()) {
            return cached;
        }
        Profile profile = Profile.findById(id);
        if (profile == null) {
            return Optional.empty();
        }
        ProfileSnapshot snapshot = ProfileSnapshot.of(profile);
        cache.put(snapshot);
        return Optional.of(snapshot);
    }

    @Transactional
    public Seen view(UUID viewer, UUID id) {
        ProfileSnapshot profile = load(id).orElseThrow(() -> ProblemException.notFound("Profile"));
        if (viewer.equals(id)) {
            return new Seen(profile, true);
        }
        if (profile.hidden() || relations.blockedEitherWay(viewer, id)) {
            // suspended, or one blocked the other: for this viewer the profile does not exist
            throw ProblemException.notFound("Profile");
        }
        boolean full = profile.visibility() == org.chorus.users.Visibility.PUBLIC || relations.areFriends(viewer, id);
        return new Seen(profile, full);
    }

    /** True when the viewer may know the user exists (not hidden, no block either way). */
    public boolean visibleTo(UUID viewer, UUID id) {
        Optional<ProfileSnapshot> profile = load(id);
        if (viewer.equals(id)) {
            return profile.isPresent();
        }
        return profile.isPresent() && !profile.get().hidden() && !relations.blockedEitherWay(viewer, id);
    }

    /** The caller's own profile must exist before they act on the graph (a token may outrun user-created). */
    public void requireOwn(UUID caller) {
        if (Profile.findById(caller) == null) {
            throw ProblemException.notFound("Profile");
        }
    }

    @Transactional
    public ProfileSnapshot update(UUID owner, ProfileUpdate update) {
        Profile profile = Profile.findById(owner);
        if (profile == null) {
            throw ProblemException.notFound("Profile");
        }
        profile.displayName = apply(profile.displayName, update.displayName());
        profile.bio = apply(profile.bio, update.bio());
        profile.website = apply(profile.website, update.website());
        profile.location = apply(profile.location, update.location());
        profile.language = apply(profile.language, update.language());
        if (update.visibility() != null) {
            profile.visibility = update.visibility();
        }
        profile.updatedAt = Instant.now();
        cache.evictAfterCommit(owner);
        return ProfileSnapshot.of(profile);
    }

    /** null keeps the old value; blank clears it; anything else is stored trimmed, as plain text. */
    private static String apply(String current, String requested) {
        if (requested == null) {
            return current;
        }
        String trimmed = requested.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    // ---- kept in step with login's and admin's events (called inside the inbox's transaction) ----

    /**
     * Idempotent: a redelivered user-created, or one for an erased account, changes nothing; one that
     * arrives after a user-updated (another topic, so unordered) keeps the newer username.
     */
    public void create(UUID id, String username, Instant createdAt) {
        Instant at = createdAt != null ? createdAt : Instant.now();
        int inserted = em.createNativeQuery("""
                        insert into profile (id, username, visibility, hidden, created_at, updated_at)
                        select :id, :username, 'PUBLIC', false, :at, :at
                        where not exists (select 1 from erased_user where id = :id)
                        on conflict (id) do update set created_at = least(profile.created_at, excluded.created_at)""")
                .setParameter("id", id)
                .setParameter("username", username)
                .setParameter("at", at)
                .executeUpdate();
        applyPendingVisibility(id);
        Log.debugf("profile %s %s", id, inserted == 1 ? "created (or already there)" : "erased");
    }

    /**
     * The new username; when user-updated overtakes user-created (different topics) the profile is
     * created from it, so the rename is not lost. Renames of one user share a partition, so they are in order.
     */
    public void rename(UUID id, String username, Instant updatedAt) {
        cache.evictAfterCommit(id);
        Instant at = updatedAt != null ? updatedAt : Instant.now();
        em.createNativeQuery("""
                        insert into profile (id, username, visibility, hidden, created_at, updated_at)
                        select :id, :username, 'PUBLIC', false, :at, :at
                        where not exists (select 1 from erased_user where id = :id)
                        on conflict (id) do update set username = excluded.username, updated_at = now()""")
                .setParameter("id", id)
                .setParameter("username", username)
                .setParameter("at", at)
                .executeUpdate();
        applyPendingVisibility(id);
    }

    /** Applies a suspension or reinstatement unless a later decision was already applied (unordered topics). */
    public void setHidden(UUID id, boolean hidden, Instant decidedAt) {
        cache.evictAfterCommit(id);
        Instant at = decidedAt != null ? decidedAt : Instant.now();
        em.createNativeQuery("""
                        update profile set hidden = :hidden, hidden_changed_at = :at, updated_at = now()
                        where id = :id and (hidden_changed_at is null or hidden_changed_at < :at)""")
                .setParameter("id", id)
                .setParameter("hidden", hidden)
                .setParameter("at", at)
                .executeUpdate();
        // no profile yet (user-created still on its way): keep the latest decision until it comes
        em.createNativeQuery("""
                        insert into pending_visibility (id, hidden, decided_at)
                        select :id, :hidden, :at
                        where not exists (select 1 from profile where id = :id)
                          and not exists (select 1 from erased_user where id = :id)
                        on conflict (id) do update set hidden = excluded.hidden, decided_at = excluded.decided_at
                        where pending_visibility.decided_at < excluded.decided_at""")
                .setParameter("id", id)
                .setParameter("hidden", hidden)
                .setParameter("at", at)
                .executeUpdate();
    }

    private void applyPendingVisibility(UUID id) {
        em.createNativeQuery("""
                        update profile p set hidden = v.hidden, hidden_changed_at = v.decided_at
                        from pending_visibility v
                        where v.id = :id and p.id = v.id
                          and (p.hidden_changed_at is null or p.hidden_changed_at < v.decided_at)""").setParameter("id", id).executeUpdate();
        em.createNativeQuery("delete from pending_visibility where id = :id")
                .setParameter("id", id)
                .executeUpdate();
    }

    /** Erases the profile; friendships, requests, blocks, mutes and suggestions go with it (cascade; SuggestionIndex). */
    public void erase(UUID id) {
        cache.evictAfterCommit(id);
        em.createNativeQuery("insert into erased_user (id, erased_at) values (:id, now()) on conflict do nothing")
                .setParameter("id", id)
                .executeUpdate();
        suggestions.lockWithFriends(id);
        suggestions.userErasing(id);
        em.createNativeQuery("delete from profile where id = :id")
                .setParameter("id", id)
                .executeUpdate();
        em.createNativeQuery("delete from pending_visibility where id = :id")
                .setParameter("id", id)
                .executeUpdate();
    }

    public Optional<Profile> find(UUID id) {
        return Profile.findByIdOptional(id);
    }
}
