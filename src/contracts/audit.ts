import { z } from "zod";
import { uuid } from "./common";

/** `GET /audit?before=<id>`: the page of entries older than that entry. */
export const auditQuery = z.strictObject({ before: uuid.optional() });

/** One audit row: who (`actorId`, null when nobody was signed in) did what to which object. */
export const auditEntryView = z.object({
  id: z.string(),
  action: z.string(),
  actorId: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
  at: z.string(),
});
export type AuditEntryView = z.infer<typeof auditEntryView>;
export const auditPage = z.object({ entries: z.array(auditEntryView), nextCursor: z.string().nullable() });
