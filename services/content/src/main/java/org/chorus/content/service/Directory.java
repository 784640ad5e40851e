package org.chorus.content.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

/**
 * Content's copy of the people it shows: id → username, and whether admin suspended them. Built from login's and
 * admin's events; events about one user travel on several topics and may arrive in any order, so a rename
 * creates the entry if needed and the suspension decision with the later time wins.
 */
@ApplicationScoped
public class Directory {

    private final EntityManager em;

    Directory(EntityManager em) {
        this.em = em;
    }

    /** From user-created, user-updated, or a token (a user can post before content heard of the account). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void upsert(UUID id, String username, boolean rename) {
        if (erased(id)) {
            Log.debugf("event about erased user %s ignored", id);
            return;
        }
        // without a rename, only an entry that a suspension created before the account's user-created gets its name
        em.createNativeQuery("insert into {h-schema}app_user (id, username) values (:id, :username) on conflict (id) do "
                        + "update set username = excluded.username" + (rename ? "" : " where app_user.username = ''"))
                .setParameter("id", id)
                .setParameter("username", username.toLowerCase(java.util.Locale.ROOT))
                .executeUpdate();
    }

    /** user-suspended (true) and user-reinstated (false): the later decision wins whatever the arrival order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void suspend(UUID id, boolean suspended, Instant at) {
        if (erased(id)) {
            return;
        }
        // a decision about someone content has not heard of yet is kept; their username arrives with user-created
        em.createNativeQuery("""
                        insert into {h-schema}app_user (id, username, suspended, suspended_changed_at)
                        values (:id, '', :suspended, :at)
                        on conflict (id) do update set suspended = excluded.suspended, suspended_changed_at = excluded.suspended_changed_at
                        where app_user.suspended_changed_at is null or app_user.suspended_changed_at <= excluded.suspended_changed_at""")
                .setParameter("id", id)
                .setParameter("suspended", suspended)
                .setParameter("at", at == null ? Now.micros() : at)
                .executeUpdate();
    }

    /**
     * user-deleted: the user's posts (with their versions, comments and reactions), comments, reactions, relations
     * and directory entry go; the id is remembered so that a late event never brings any of it back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID id, Instant at) {
        em.createNativeQuery("insert into {h-schema}erased_user (id, erased_at) values (:id, :at) on conflict do nothing")
                .setParameter("id", id).setParameter("at", at == null ? Now.micros() : at).executeUpdate();
        for (String sql : new String[] {
                "delete from {h-schema}post where author_id = :id",
                "delete from {h-schema}comment where author_id = :id",
                "delete from {h-schema}reaction where user_id = :id",
                "delete from {h-schema}friendship where user_id = :id or friend_id = :id",
                "delete from {h-schema}user_block where blocker_id = :id or blocked_id = :id",
                "delete from {h-schema}user_mute where muter_id = :id or muted_id = :id",
                "delete from {h-schema}report where reporter_id = :id",
                "delete from {h-schema}app_user where id = :id"}) {
            em.createNativeQuery(sql).setParameter("id", id).executeUpdate();
        }
    }

    /** A relation of the graph (friendship both ways, block, mute): the later decision wins. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void relate(Relation relation, UUID from, UUID to, boolean active, Instant at) {
        if (erased(from) || erased(to)) {
            return;
        }
        Instant when = at == null ? Now.micros() : at;
        write(relation, from, to, active, when);
        if (relation == Relation.FRIENDSHIP) {
            write(relation, to, from, active, when);
        }
    }

    public boolean erased(UUID id) {
        return !em.createNativeQuery("select 1 from {h-schema}erased_user where id = :id")
                .setParameter("id", id).getResultList().isEmpty();
    }

    private void write(Relation relation, UUID from, UUID to, boolean active, Instant at) {
        em.createNativeQuery("insert into {h-schema}" + relation.table + " (" + relation.from + ", " + relation.to
                        + ", active, changed_at) values (:from, :to, :active, :at) on conflict (" + relation.from + ", "
                        + relation.to + ") do update set active = excluded.active, changed_at = excluded.changed_at where "
                        + relation.table + ".changed_at <= excluded.changed_at")
                .setParameter("from", from).setParameter("to", to).setParameter("active", active).setParameter("at", at)
                .executeUpdate();
    }

    public enum Relation {
        FRIENDSHIP("friendship", "user_id", "friend_id"),
        BLOCK("user_block", "blocker_id", "blocked_id"),
        MUTE("user_mute", "muter_id", "muted_id");

        private final String table;
        private final String from;
        private final String to;

        Relation(String table, String from, String to) {
            this.table = table;
            this.from = from;
            this.to = to;
        }
    }
}
