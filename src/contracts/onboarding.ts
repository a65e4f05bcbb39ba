import { z } from "zod";
import { role, text, uuid } from "./common";
import { personView } from "./people";

export const invitationTokenParams = z.strictObject({
  token: text().min(1, "must not be empty").max(200, "must be at most 200 characters"),
});

export const outboxQuery = z.strictObject({
  cursor: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The columns of a people import file, in order. */
export const IMPORT_COLUMNS = ["name", "email", "role", "timeZone", "team"] as const;

/** A fresh invitation: its link is shown once, to whoever sent it. */
export const invitationLinkView = z.object({ token: z.string(), url: z.string() });
export type InvitationLinkView = z.infer<typeof invitationLinkView>;

export const invitationView = z.object({
  id: z.string(),
  personId: z.string(),
  name: z.string(),
  email: z.string(),
  role,
  invitedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  expired: z.boolean(),
});
export type InvitationView = z.infer<typeof invitationView>;

/** `POST /people`: the person invited and their invitation link. */
export const invitedView = z.object({ person: personView, invitation: invitationLinkView });

/** `row` is the line of the file where the row starts (the header is line 1). */
export const importReport = z.object({
  created: z.array(z.object({ row: z.number(), personId: z.string(), email: z.string() })),
  skipped: z.array(z.object({ row: z.number(), email: z.string(), reason: z.string() })),
});
export type ImportReport = z.infer<typeof importReport>;

/** Files with more rows than this import as a job whose progress the page polls. */
export const IMPORT_SYNC_MAX_ROWS = 500;

/** A people import running (or run) as a job: `report` holds the rows processed so far. */
export const peopleImportView = z.object({
  id: z.string(),
  status: z.enum(["queued", "running", "done", "failed"]),
  total: z.number(),
  processed: z.number(),
  report: importReport,
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type PeopleImportView = z.infer<typeof peopleImportView>;
export const oneImport = z.object({ import: peopleImportView });

/** POST /people/import: the report at once (200), or for a large file the job started (202). */
export type ImportAnswer = ImportReport | z.infer<typeof oneImport>;

export const outboxEmailView = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  status: z.enum(["queued", "sent", "kept", "failed"]),
  error: z.string().nullable(),
  /** Files sent with it (a meeting's invite.ics), by name and type only. */
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string() })),
  createdAt: z.string(),
  processedAt: z.string().nullable(),
});
export type OutboxEmailView = z.infer<typeof outboxEmailView>;
export const outboxPage = z.object({ emails: z.array(outboxEmailView), nextCursor: z.string().nullable() });
