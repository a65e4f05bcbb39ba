import { sql } from "drizzle-orm";
import { boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "../organisations/organisations.table";

/**
 * An organisation's OpenID Connect provider. The client secret is kept only as AES-256-GCM ciphertext
 * under TANDEM_SECRET_KEY (`secret-box.ts`) and never leaves the server.
 */
export const organisationSso = pgTable("organisation_sso", {
  organisationId: uuid("organisation_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  issuer: text("issuer").notNull(),
  clientId: text("client_id").notNull(),
  clientSecretEncrypted: text("client_secret_encrypted"),
  /** Email domains (lower case) whose unknown people get an account on first sign-in, with `just_in_time`. */
  domains: text("domains").array().notNull().default(sql`'{}'::text[]`),
  /** Passwords are refused for everyone but owners (their break-glass sign-in). */
  required: boolean("required").notNull().default(false),
  justInTime: boolean("just_in_time").notNull().default(false),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A sign-in sent to the provider and not yet back: used once (deleted when the callback reads it). */
export const ssoPendingLogins = pgTable(
  "sso_pending_logins",
  {
    state: text("state").primaryKey(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    nonce: text("nonce").notNull(),
    codeVerifier: text("code_verifier").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sso_pending_logins_expires_idx").on(t.expiresAt)],
);
