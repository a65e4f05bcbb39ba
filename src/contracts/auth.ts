import { z } from "zod";
import { email, name, password, text, timeZone } from "./common";
import { personView } from "./people";

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

export const organisationView = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  createdAt: z.string(),
});
export type OrganisationView = z.infer<typeof organisationView>;

/** Who is signed in: `GET /me`, and the answer of every way to sign in (login, setup, invitation). */
export const sessionView = z.object({ person: personView, organisation: organisationView });
export type SessionView = z.infer<typeof sessionView>;

export const csrfView = z.object({ token: z.string() });

export const apiTokenView = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type ApiTokenView = z.infer<typeof apiTokenView>;
/** A new API token: the only time its secret is shown. */
export const createdApiTokenView = z.object({
  id: z.string(),
  name: z.string(),
  token: z.string(),
  createdAt: z.string(),
});
export type CreatedApiTokenView = z.infer<typeof createdApiTokenView>;

/** First-run state: `needsSetup` on a fresh instance; `open` while setup is allowed. */
export const setupStatusView = z.object({ open: z.boolean(), needsSetup: z.boolean() });
export type SetupStatusView = z.infer<typeof setupStatusView>;

/** How to sign in to the demo organisation, while it exists with its first password. */
export const demoSignInView = z.object({
  demo: z.object({ email: z.string(), password: z.string() }).nullable(),
});
export type DemoSignInView = z.infer<typeof demoSignInView>;
/** The demo organisation just seeded, signed in as its owner; every demo person has `password`. */
export const demoSeededView = sessionView.extend({ password: z.string() });
export type DemoSeededView = z.infer<typeof demoSeededView>;
