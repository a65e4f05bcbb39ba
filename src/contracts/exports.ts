import { z } from "zod";
import { uuid } from "./common";

/**
 * Issue 17, "a person's data" (GDPR articles 15 and 20): a ZIP of what Tandem holds about a person, or
 * (owner only) about the whole organisation, built by a job; its link is valid for a day once ready.
 */

export const EXPORT_STATUSES = ["queued", "running", "ready", "failed", "expired"] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];
export const EXPORT_KINDS = ["person", "organisation"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** How long a ready export can be downloaded. */
export const EXPORT_VALID_HOURS = 24;

export const exportParams = z.strictObject({ id: uuid });

export const exportView = z.object({
  id: z.string(),
  status: z.enum(EXPORT_STATUSES),
  /** 0–100: the share of the tables (and files) written so far. */
  progress: z.number(),
  /** Where the ZIP is fetched from, while it is ready and not expired. */
  downloadUrl: z.string().optional(),
  kind: z.enum(EXPORT_KINDS),
  /** Whose data (a person export); null for the organisation's. */
  personId: z.string().nullable(),
  createdAt: z.string(),
  /** Until when the link works, once ready. */
  expiresAt: z.string().nullable(),
});
export type ExportView = z.infer<typeof exportView>;
export const oneExport = z.object({ export: exportView });
