import { z } from "zod";
import { email, name, password, text, timeZone } from "./common";

export const setupBody = z.strictObject({
  organisation: z.strictObject({ name, timeZone }),
  owner: z.strictObject({ name, email, password, timeZone }),
});
export type SetupBody = z.infer<typeof setupBody>;

export const loginBody = z.strictObject({
  email: text().max(254, "must be at most 254 characters"),
  password: text().max(200, "must be at most 200 characters"),
});

export const tokenBody = z.strictObject({ name });

export const acceptInvitationBody = z.strictObject({
  password,
  timeZone,
  name: name.optional(),
});
