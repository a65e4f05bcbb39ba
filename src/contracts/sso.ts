import { z } from "zod";
import { email, text, uuid } from "./common";

/** Issue 17: single sign-on with an organisation's OpenID Connect provider. */

const domain = text()
  .trim()
  .toLowerCase()
  .max(253, "must be at most 253 characters")
  .regex(
    /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    "must be a domain such as example.org",
  );

/** `PUT /organisation/sso`: leave `clientSecret` out to keep the saved one. */
export const ssoBody = z.strictObject({
  issuer: text()
    .trim()
    .max(500, "must be at most 500 characters")
    .regex(/^https?:\/\/[^\s]+$/, "must be the provider's address, starting with https://"),
  clientId: text().trim().min(1, "must not be empty").max(500, "must be at most 500 characters"),
  clientSecret: text().min(1, "must not be empty").max(2000, "must be at most 2000 characters").optional(),
  domains: z.array(domain).max(50, "may list at most 50 domains"),
  required: z.boolean(),
  justInTime: z.boolean(),
});
export type SsoBody = z.infer<typeof ssoBody>;

/** What admins see: never the secret, only whether one is saved. */
export const ssoView = z.object({
  issuer: z.string(),
  clientId: z.string(),
  hasSecret: z.boolean(),
  domains: z.array(z.string()),
  required: z.boolean(),
  justInTime: z.boolean(),
  redirectUri: z.string(),
  updatedAt: z.string(),
});
export type SsoView = z.infer<typeof ssoView>;
export const ssoReply = z.object({ sso: ssoView.nullable() });
export type SsoReply = z.infer<typeof ssoReply>;

export const ssoStartQuery = z.strictObject({ organisationId: uuid });

/** What the provider sends back: only these are read; others (session_state, …) are ignored. */
export const ssoCallbackQuery = z.object({
  state: z.string().optional(),
  code: z.string().optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
  iss: z.string().optional(),
});

/** `GET /auth/sso/lookup?email=`: the sign-in page's question, "does this address sign in with SSO?". */
export const ssoLookupQuery = z.strictObject({ email });
export const ssoLookupView = z.object({ organisationId: z.string().nullable() });

/** Why an SSO sign-in was refused: `/login?sso_error=<reason>`, shown by the sign-in page as a sentence. */
export const SSO_ERRORS = {
  expired: "That sign-in link has expired or was already used. Start again with Sign in with SSO.",
  not_configured:
    "Single sign-on is not set up for this organisation. Sign in with your password, or ask an admin.",
  provider_unavailable: "The identity provider could not be reached. Try again in a moment, or ask an admin.",
  provider_refused: "The identity provider did not complete the sign-in. Start again, or ask an admin.",
  unverified_email:
    "Your identity provider has not verified your email address, so Tandem cannot sign you in with it.",
  no_account:
    "There is no Tandem account for that email in this organisation. Ask an admin to invite you, then sign in again.",
  failed: "Single sign-on did not complete. Try again, or ask an admin.",
} as const;
export type SsoError = keyof typeof SSO_ERRORS;
