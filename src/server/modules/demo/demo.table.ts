import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "../organisations/organisations.table";
import { people } from "../people/people.table";

/**
 * How to sign in to the demo organisation, shown on the sign-in page while it lasts. The owner's
 * password hash at seeding is kept beside the password: once the owner changes password, the two
 * differ and the password is no longer shown.
 */
export const demoSignIns = pgTable("demo_sign_ins", {
  organisationId: uuid("organisation_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  personId: uuid("person_id")
    .notNull()
    .references(() => people.id, { onDelete: "cascade" }),
  password: text("password").notNull(),
  passwordHash: text("password_hash").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
