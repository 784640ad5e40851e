package org.chorus.admin.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.chorus.admin.AuditKind;
import org.chorus.admin.ModerationCase;
import org.chorus.admin.Role;
import org.chorus.admin.Sanction;
import org.chorus.admin.SanctionAction;
import org.chorus.events.Events;
import org.chorus.events.admin.ReportResolved;
import org.chorus.outbox.Outbox;
import org.chorus.web.ProblemException;

/**
 * What moderators do with a case: assign it, note on it, resolve it with an action (a sanction on the
 * target's author) or dismiss it. Closing tells every reporter the outcome (report-resolved, one per
 * report, which never names the moderator).
 */
@ApplicationScoped
public class CaseActions {

    private final ModerationCases cases;
    private final Sanctions sanctions;
    private final RoleGrants roles;
    private final Outbox outbox;
    private final ModerationAudit audit;

    CaseActions(ModerationCases cases, Sanctions sanctions, RoleGrants roles, Outbox outbox, ModerationAudit audit) {
        this.cases = cases;
        this.sanctions = sanctions;
        this.roles = roles;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** @param moderatorId who takes the case: a moderator or an administrator */
    @Transactional
    public ModerationCase assign(UUID actorId, UUID caseId, UUID moderatorId) {
        ModerationCase c = open(caseId);
        if (!moderatorId.equals(actorId) && !roles.holds(moderatorId, Role.MODERATOR)
                && !roles.holds(moderatorId, Role.ADMIN)) {
            throw ProblemException.badRequest("not-a-moderator", "moderatorId must be a moderator or an administrator");
        }
        cases.assign(caseId, moderatorId);
        audit.entry(AuditKind.CASE_ASSIGNED, actorId, c.targetAuthorId(), "Case assigned")
                .with("caseId", caseId).with("assigneeId", moderatorId).record();
        return cases.find(caseId, false).orElseThrow();
    }

    @Transactional
    public ModerationCase.Note note(UUID actorId, UUID caseId, String text) {
        ModerationCase c = cases.find(caseId, true).orElseThrow(() -> ProblemException.notFound("Case " + caseId));
        ModerationCase.Note note = cases.addNote(caseId, actorId, text);
        audit.entry(AuditKind.CASE_NOTED, actorId, c.targetAuthorId(), "Note added to a case")
                .with("caseId", caseId).with("noteId", note.id()).record();
        return note;
    }

    /** Imposes the action on the target's author (hiding the target itself for {@code hide}) and closes the case. */
    @Transactional
    public ModerationCase resolve(UUID actorId, UUID caseId, SanctionAction action, String reason, Instant until) {
        ModerationCase c = open(caseId);
        boolean user = "user".equals(c.targetKind());
        if (action == SanctionAction.HIDE && user) {
            throw ProblemException.badRequest("invalid-action", "A reported user cannot be hidden; suspend or ban");
        }
        Sanction sanction = sanctions.impose(actorId, new Sanctions.Imposition(c.targetAuthorId(), action, reason,
                until, action == SanctionAction.HIDE ? c.targetKind() : null,
                action == SanctionAction.HIDE ? c.targetId() : null, caseId));
        close(actorId, c, ModerationCase.RESOLVED, "actioned", reason, action.value(), sanction.id());
        audit.entry(AuditKind.CASE_RESOLVED, actorId, c.targetAuthorId(), "Case resolved: " + action.value())
                .with("caseId", caseId).with("sanctionId", sanction.id()).with("reason", reason).record();
        return cases.find(caseId, false).orElseThrow();
    }

    @Transactional
    public ModerationCase dismiss(UUID actorId, UUID caseId, String reason) {
        ModerationCase c = open(caseId);
        close(actorId, c, ModerationCase.DISMISSED, "dismissed", reason, null, null);
        audit.entry(AuditKind.CASE_DISMISSED, actorId, c.targetAuthorId(), "Case dismissed")
                .with("caseId", caseId).with("reason", reason).record();
        return cases.find(caseId, false).orElseThrow();
    }

    /** The case, locked; 404 if unknown, 409 {@code case-closed} once resolved or dismissed. */
    private ModerationCase open(UUID caseId) {
        ModerationCase c = cases.find(caseId, true).orElseThrow(() -> ProblemException.notFound("Case " + caseId));
        if (!ModerationCase.OPEN.equals(c.state())) {
            throw ProblemException.conflict("case-closed", "The case is " + c.state() + " already");
        }
        return c;
    }

    private void close(UUID actorId, ModerationCase c, String state, String outcome, String reason, String action,
                       UUID sanctionId) {
        Instant now = Instant.now();
        cases.close(c.id(), state, actorId, reason, action, sanctionId, now);
        for (UUID[] report : cases.reporters(c.id())) {
            outbox.publish(Events.REPORT_RESOLVED, report[1],
                    new ReportResolved(c.id(), report[0], report[1], c.targetKind(), c.targetId(), outcome, now));
        }
    }
}
