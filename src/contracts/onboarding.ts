import { z } from "zod";
import type { Role } from "./common";
import { text, uuid } from "./common";

export const invitationTokenParams = z.strictObject({
  token: text().min(1, "must not be empty").max(200, "must be at most 200 characters"),
});

export const outboxQuery = z.strictObject({
  cursor: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The columns of a people import file, in order. */
export const IMPORT_COLUMNS = ["name", "email", "role", "timeZone", "team"] as const;

export interface InvitationLinkView {
  token: string;
  url: string;
}

export interface InvitationView {
  id: string;
  personId: string;
  name: string;
  email: string;
  role: Role;
  invitedBy: { id: string; name: string } | null;
  createdAt: string;
  expiresAt: string;
  expired: boolean;
}

/** `row` is the line of the file where the row starts (the header is line 1). */
export interface ImportReport {
  created: { row: number; personId: string; email: string }[];
  skipped: { row: number; email: string; reason: string }[];
}

/** Files with more rows than this import as a job whose progress the page polls. */
export const IMPORT_SYNC_MAX_ROWS = 500;

/** A people import running (or run) as a job: `report` holds the rows processed so far. */
export interface PeopleImportView {
  id: string;
  status: "queued" | "running" | "done" | "failed";
  total: number;
  processed: number;
  report: ImportReport;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** POST /people/import: the report at once (200), or for a large file the job started (202). */
export type ImportAnswer = ImportReport | { import: PeopleImportView };

export interface OutboxEmailView {
  id: string;
  to: string;
  subject: string;
  text: string;
  status: "queued" | "sent" | "kept" | "failed";
  error: string | null;
  createdAt: string;
  processedAt: string | null;
}
