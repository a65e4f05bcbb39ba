import { isNull, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { FORMER_MEMBER } from "../../../contracts/erasure";
import {
  agreementAcknowledgements,
  agreementReminders,
  agreementVersions,
  teamAgreementVersions,
} from "../agreement/agreement.table";
import { auditLog } from "../audit/audit.table";
import { apiTokens, sessions } from "../auth/auth.table";
import { busyIntervals, calendarFeeds, calendars, focusBlocks } from "../calendars/calendars.table";
import {
  checkinAnswers,
  checkinBlockers,
  checkinOccurrences,
  checkinParticipants,
  checkins,
} from "../checkins/checkins.table";
import { demoSignIns } from "../demo/demo.table";
import { documentAudience, documentDrafts, documents, documentVersions } from "../documents/documents.table";
import { insightWeeks } from "../insights/insights.table";
import {
  actionItems,
  agendaItems,
  meetingAttendees,
  meetingDecisions,
  meetingOverrides,
  meetingPrivateNotes,
  meetingRatings,
  meetingSeries,
  meetings,
  meetingTemplates,
} from "../meetings/meetings.table";
import { notificationSettings, notifications } from "../notifications/notifications.table";
import { webhooks } from "../notifications/webhooks.table";
import { peopleImports } from "../onboarding/import.table";
import { invitations } from "../onboarding/invitations.table";
import { outboxEmails } from "../outbox/outbox.table";
import { absences, people, zoneChanges } from "../people/people.table";
import { policyAcknowledgements, policyVersions } from "../policies/policies.table";
import { recordings } from "../recordings/recordings.table";
import { inconvenienceLedger, rotationAttendees, rotations } from "../scheduling/scheduling.table";
import { teamMembers } from "../teams/teams.table";
import {
  updateAcknowledgements,
  updateAudience,
  updateComments,
  updateDecisions,
  updateReactions,
  updateResponders,
  updateResponses,
  updateSeen,
  updates,
  updateVersions,
} from "../updates/updates.table";
import { erasures } from "./erasure.table";
import { exportFolder } from "./export.keys";
import { dataExports } from "./export.table";

/**
 * What erasure does to one table's rows about a person:
 * - `delete`: their personal content goes (notes, answers, pulse, tokens, sessions, calendar data…);
 *   `only` narrows it (their documents shared with nobody, not those others read);
 * - `anonymise`: the row stays for the others it serves (a shared update, a meeting they organised) and
 *   the listed columns (drizzle property names) are set to the given values;
 * - `keep`: the row stays as it is, with the reason (e.g. an aggregate that must not change). Their
 *   person columns keep pointing at the person's own row, which is anonymised (`FORMER_MEMBER`), so a
 *   kept update reads "A former member" as its author.
 */
export type Erase =
  | { kind: "delete"; only?: SQL }
  | { kind: "anonymise"; set: Record<string, unknown> }
  | { kind: "keep"; why: string };

/** One table that holds data about people, and the columns naming the person. */
export interface PersonalTable {
  table: PgTable;
  /** Columns whose value is a person's id: a row belongs in a person's export when any of them is theirs. */
  personColumns: readonly PgColumn[];
  /** Columns never exported (password hashes, token hashes, secrets). */
  omitFromExport?: readonly PgColumn[];
  erase: Erase;
  /** The rows `erase` applies to: where one of these is the person (default: every person column). */
  ownedBy?: readonly PgColumn[];
  /**
   * Person columns (nullable) set to null where they name the person in rows erasure leaves (others'
   * rows): the blocker assigned to them is unassigned, the manager of others is nobody.
   */
  unlink?: readonly PgColumn[];
  /** Columns holding an email address: rows addressed to the person's email are theirs too. */
  emailColumns?: readonly PgColumn[];
  /** Stored files (platform/storage) of each row `erase` deletes: the folder, from the row's id. */
  files?: { id: PgColumn; folder: (organisationId: string, id: string) => string };
}

const SHARED = "a shared record others rely on; the person reads as a former member";

/**
 * Every table with a column naming a person, and how export (GDPR art. 15/20) and erasure (art. 17)
 * treat it. `registry.unit.test.ts` fails when a table of the schema has a person column not listed here.
 * Erasure applies them in this order, in one transaction; `people` comes last.
 */
export const PERSONAL_DATA: readonly PersonalTable[] = [
  // Signing in
  {
    table: sessions,
    personColumns: [sessions.personId],
    omitFromExport: [sessions.tokenHash, sessions.csrfToken],
    erase: { kind: "delete" },
  },
  {
    table: apiTokens,
    personColumns: [apiTokens.personId],
    omitFromExport: [apiTokens.tokenHash],
    erase: { kind: "delete" },
  },
  {
    table: invitations,
    personColumns: [invitations.personId, invitations.invitedBy],
    ownedBy: [invitations.personId],
    unlink: [invitations.invitedBy],
    omitFromExport: [invitations.tokenHash],
    erase: { kind: "delete" },
  },
  {
    table: demoSignIns,
    personColumns: [demoSignIns.personId],
    omitFromExport: [demoSignIns.password, demoSignIns.passwordHash],
    erase: { kind: "delete" },
  },
  // Their time: absences, zones, calendars
  { table: absences, personColumns: [absences.personId], erase: { kind: "delete" } },
  { table: zoneChanges, personColumns: [zoneChanges.personId], erase: { kind: "delete" } },
  {
    table: calendars,
    personColumns: [calendars.personId],
    // An ICS address often carries a secret of the calendar's provider.
    omitFromExport: [calendars.url],
    erase: { kind: "delete" },
  },
  { table: busyIntervals, personColumns: [busyIntervals.personId], erase: { kind: "delete" } },
  { table: focusBlocks, personColumns: [focusBlocks.personId], erase: { kind: "delete" } },
  {
    table: calendarFeeds,
    personColumns: [calendarFeeds.personId],
    omitFromExport: [calendarFeeds.secretHash, calendarFeeds.secret],
    erase: { kind: "delete" },
  },
  // Teams, agreement, policies
  { table: teamMembers, personColumns: [teamMembers.personId], erase: { kind: "delete" } },
  {
    table: agreementVersions,
    personColumns: [agreementVersions.publishedBy],
    erase: { kind: "keep", why: SHARED },
  },
  {
    table: teamAgreementVersions,
    personColumns: [teamAgreementVersions.publishedBy],
    erase: { kind: "keep", why: SHARED },
  },
  {
    table: agreementAcknowledgements,
    personColumns: [agreementAcknowledgements.personId],
    erase: { kind: "delete" },
  },
  { table: agreementReminders, personColumns: [agreementReminders.personId], erase: { kind: "delete" } },
  {
    table: policyVersions,
    personColumns: [policyVersions.publishedBy],
    erase: { kind: "keep", why: SHARED },
  },
  {
    table: policyAcknowledgements,
    personColumns: [policyAcknowledgements.personId],
    erase: { kind: "delete" },
  },
  // Scheduling
  { table: rotations, personColumns: [rotations.createdBy], erase: { kind: "keep", why: SHARED } },
  { table: rotationAttendees, personColumns: [rotationAttendees.personId], erase: { kind: "delete" } },
  { table: inconvenienceLedger, personColumns: [inconvenienceLedger.personId], erase: { kind: "delete" } },
  // Notifications
  {
    table: notifications,
    personColumns: [notifications.recipientId, notifications.actorId],
    ownedBy: [notifications.recipientId],
    unlink: [notifications.actorId],
    erase: { kind: "delete" },
  },
  {
    table: notificationSettings,
    personColumns: [notificationSettings.personId],
    erase: { kind: "delete" },
  },
  {
    table: outboxEmails,
    personColumns: [],
    emailColumns: [outboxEmails.to],
    omitFromExport: [outboxEmails.headers, outboxEmails.attachments],
    erase: { kind: "delete" },
  },
  {
    table: webhooks,
    personColumns: [webhooks.createdBy],
    omitFromExport: [webhooks.secret],
    unlink: [webhooks.createdBy],
    erase: { kind: "keep", why: "the organisation's webhooks keep delivering; who made one is forgotten" },
  },
  // Meetings
  { table: meetings, personColumns: [meetings.organiserId], erase: { kind: "keep", why: SHARED } },
  { table: meetingSeries, personColumns: [meetingSeries.createdBy], erase: { kind: "keep", why: SHARED } },
  {
    table: meetingAttendees,
    personColumns: [meetingAttendees.personId],
    erase: { kind: "keep", why: "who attended a meeting is part of its record (cost, load of the others)" },
  },
  {
    table: meetingTemplates,
    personColumns: [meetingTemplates.createdBy],
    erase: { kind: "keep", why: SHARED },
  },
  { table: agendaItems, personColumns: [agendaItems.ownerId], erase: { kind: "keep", why: SHARED } },
  {
    table: actionItems,
    personColumns: [actionItems.ownerId, actionItems.createdBy],
    erase: { kind: "keep", why: SHARED },
  },
  {
    table: meetingDecisions,
    personColumns: [meetingDecisions.recordedBy],
    erase: { kind: "keep", why: SHARED },
  },
  { table: meetingOverrides, personColumns: [meetingOverrides.by], erase: { kind: "keep", why: SHARED } },
  { table: meetingPrivateNotes, personColumns: [meetingPrivateNotes.personId], erase: { kind: "delete" } },
  { table: meetingRatings, personColumns: [meetingRatings.personId], erase: { kind: "delete" } },
  // Updates
  { table: updates, personColumns: [updates.authorId], erase: { kind: "keep", why: SHARED } },
  { table: updateVersions, personColumns: [updateVersions.editedBy], erase: { kind: "keep", why: SHARED } },
  { table: updateComments, personColumns: [updateComments.authorId], erase: { kind: "keep", why: SHARED } },
  {
    table: updateDecisions,
    personColumns: [updateDecisions.recordedBy],
    erase: { kind: "keep", why: SHARED },
  },
  {
    table: updateAudience,
    personColumns: [updateAudience.personId],
    erase: { kind: "keep", why: "who an update was addressed to decides who reads it" },
  },
  {
    table: updateResponders,
    personColumns: [updateResponders.personId],
    // What they answered stays with the thread; nobody waits for (or reminds) a former member.
    erase: { kind: "delete", only: isNull(updateResponders.answeredAt) },
  },
  {
    table: updateResponses,
    personColumns: [updateResponses.personId],
    erase: { kind: "keep", why: SHARED },
  },
  {
    table: updateReactions,
    personColumns: [updateReactions.personId],
    erase: { kind: "keep", why: SHARED },
  },
  {
    table: updateAcknowledgements,
    personColumns: [updateAcknowledgements.personId],
    erase: { kind: "keep", why: SHARED },
  },
  { table: updateSeen, personColumns: [updateSeen.personId], erase: { kind: "delete" } },
  // Documents
  {
    table: documents,
    personColumns: [documents.ownerId, documents.updatedBy],
    ownedBy: [documents.ownerId],
    // Their documents shared with nobody are personal notes; shared ones keep working.
    erase: {
      kind: "delete",
      only: sql`not ${documents.audienceOrganisation} and ${documents.audienceTeamId} is null and not exists (select 1 from ${documentAudience} where ${documentAudience.documentId} = ${documents.id})`,
    },
  },
  {
    table: documentVersions,
    personColumns: [documentVersions.authorId],
    erase: { kind: "keep", why: SHARED },
  },
  { table: documentAudience, personColumns: [documentAudience.personId], erase: { kind: "delete" } },
  { table: documentDrafts, personColumns: [documentDrafts.personId], erase: { kind: "delete" } },
  // Recordings: the rows here, their files by the erasure (platform/storage)
  {
    table: recordings,
    personColumns: [recordings.ownerId],
    erase: { kind: "delete" },
    // As recordings/keys.ts lays them out (and ORGANISATION_FOLDERS below).
    files: { id: recordings.id, folder: (organisationId, id) => `recordings/${organisationId}/${id}/` },
  },
  // Check-ins
  { table: checkins, personColumns: [checkins.ownerId], erase: { kind: "keep", why: SHARED } },
  {
    table: checkinParticipants,
    personColumns: [checkinParticipants.personId],
    erase: { kind: "delete" },
  },
  { table: checkinOccurrences, personColumns: [checkinOccurrences.personId], erase: { kind: "delete" } },
  {
    table: checkinAnswers,
    personColumns: [checkinAnswers.personId, checkinAnswers.unblockerId],
    ownedBy: [checkinAnswers.personId],
    unlink: [checkinAnswers.unblockerId],
    erase: { kind: "delete" },
  },
  {
    table: checkinBlockers,
    personColumns: [checkinBlockers.authorId, checkinBlockers.assigneeId, checkinBlockers.resolvedBy],
    ownedBy: [checkinBlockers.authorId],
    unlink: [checkinBlockers.assigneeId, checkinBlockers.resolvedBy],
    erase: { kind: "delete" },
  },
  // Insights: their own weeks go; the others' rows (and so every group's aggregate of them) stay as they are
  { table: insightWeeks, personColumns: [insightWeeks.personId], erase: { kind: "delete" } },
  // Administration
  {
    table: auditLog,
    personColumns: [auditLog.actorId],
    erase: { kind: "keep", why: "the audit trail stays; its actor is the anonymised person" },
  },
  {
    table: peopleImports,
    personColumns: [peopleImports.createdBy],
    omitFromExport: [peopleImports.csv, peopleImports.report],
    erase: { kind: "keep", why: "an import's report serves the organisation; it holds others' rows" },
  },
  {
    table: dataExports,
    personColumns: [dataExports.personId, dataExports.requestedBy],
    ownedBy: [dataExports.personId],
    unlink: [dataExports.requestedBy],
    omitFromExport: [dataExports.fileKey],
    erase: { kind: "delete" },
    files: { id: dataExports.id, folder: exportFolder },
  },
  {
    table: erasures,
    personColumns: [erasures.personId, erasures.requestedBy, erasures.cancelledBy],
    erase: { kind: "keep", why: "the record that the erasure was asked for and carried out" },
  },
  // The person's own row, last: it stays for what points at it, as "A former member".
  {
    table: people,
    personColumns: [people.id, people.managerId],
    ownedBy: [people.id],
    unlink: [people.managerId],
    omitFromExport: [people.passwordHash],
    erase: {
      kind: "anonymise",
      set: {
        name: FORMER_MEMBER,
        // Not an address: nothing is ever sent to it, and it stays unique in the organisation.
        email: sql`'erased-' || ${people.id}::text`,
        passwordHash: null,
        role: "member",
        clockFormat: null,
        managerId: null,
        workingPattern: {},
        active: false,
      },
    },
  },
];

/**
 * Folders of stored files (platform/storage) that belong to an organisation: deleting the organisation
 * deletes them. A module that stores files under another folder adds it here.
 */
export const ORGANISATION_FOLDERS: readonly ((organisationId: string) => string)[] = [
  (organisationId) => `recordings/${organisationId}/`,
  (organisationId) => exportFolder(organisationId, ""),
];
