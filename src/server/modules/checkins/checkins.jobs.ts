import type { z } from "zod";
import type { Deps } from "../../deps";
import type { JobDefinition } from "../../platform/job";

/** Delivery, the reminder and the digest (periodic, idempotent). Filled in by the delivery work. */
export const checkinJobs: JobDefinition<z.ZodType, Deps>[] = [];
