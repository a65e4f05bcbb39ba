import type { AuditVerdict, SeriesFacts } from "./types";

/** keep, shorten, make_async or end for a recurring series, with the reasons as sentences. */
export function auditSeries(facts: SeriesFacts): AuditVerdict {
  void facts;
  throw new Error("not built yet");
}
