import { z } from "zod";
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
