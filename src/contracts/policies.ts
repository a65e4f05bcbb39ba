import { z } from "zod";
import { lineChange } from "./agreement";
import { text } from "./common";

const title = text().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");
const body = text().max(100_000, "must be at most 100000 characters");

export const createPolicyBody = z.strictObject({
  templateId: text().max(100, "must be at most 100 characters").optional(),
  title,
  body: body.optional(),
});
export const updatePolicyBody = z.strictObject({
  title: title.optional(),
  body,
  changeSummary: text().trim().min(1).max(500, "must be at most 500 characters").optional(),
});
export const policyAckBody = z.strictObject({ version: z.number().int().min(1) });

// Response shapes (plain objects: the serializer encodes with them, dropping any field not named here).

export const policyView = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  /** Rendered and sanitised by the server. */
  html: z.string(),
  version: z.number(),
  changeSummary: z.string(),
  publishedAt: z.string(),
  /** Null once the person who published it has been removed. */
  publishedBy: z.string().nullable(),
});
export type PolicyView = z.infer<typeof policyView>;

/** What the reader has not acknowledged yet: the lines changed since the version they last did. */
export const policyChanges = z.object({
  /** The version they last acknowledged; null when they never did (they read the whole policy). */
  sinceVersion: z.number().nullable(),
  lines: z.array(lineChange),
});
export type PolicyChanges = z.infer<typeof policyChanges>;

/** GET /policies/:id: the current version and, null when up to date, what changed for the reader. */
export const policyDetailView = policyView.extend({ sinceAcknowledged: policyChanges.nullable() });
export type PolicyDetailView = z.infer<typeof policyDetailView>;

export const policyTemplateView = z.object({ id: z.string(), title: z.string(), summary: z.string() });
export type PolicyTemplateView = z.infer<typeof policyTemplateView>;

export const pendingPolicy = z.object({ id: z.string(), title: z.string(), version: z.number() });
export type PendingPolicy = z.infer<typeof pendingPolicy>;

export const policyAcknowledgement = z.object({ policyId: z.string(), version: z.number() });
