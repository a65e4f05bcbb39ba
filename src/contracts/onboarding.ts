import { z } from "zod";
import type { Role } from "./common";
import { uuid } from "./common";

export const invitationTokenParams = z.strictObject({
  token: z.string().min(1, "must not be empty").max(200, "must be at most 200 characters"),
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
