import { z } from "zod";
import { isValidTimeZone } from "../core/time/zones";

export const uuid = z.uuid({ message: "must be an id (UUID)" });
export const idParams = z.strictObject({ id: uuid });

export const name = z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");
export const email = z
  .email({ message: "must be an email address" })
  .max(254, "must be at most 254 characters")
  .transform((v) => v.toLowerCase());
export const password = z
  .string()
  .min(10, "must be at least 10 characters")
  .max(200, "must be at most 200 characters");
export const timeZone = z
  .string()
  .max(64, "must be at most 64 characters")
  .refine(isValidTimeZone, "must be an IANA time zone such as Europe/London");
export const localDate = z.iso.date({ message: "must be a date YYYY-MM-DD" });

export const ROLES = ["owner", "admin", "hr", "manager", "member"] as const;
export const role = z.enum(ROLES);
export type Role = z.infer<typeof role>;
