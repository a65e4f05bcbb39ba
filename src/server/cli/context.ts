import { resolve } from "node:path";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Role } from "../../contracts/common";
import { type Config, loadConfig } from "../config";
import type { Deps } from "../deps";
import { organisations } from "../modules/organisations";
import { people } from "../modules/people";
import type { Executor } from "../platform/db/types";
import type { Actor } from "../platform/http/actor";
import { openServices, type Services } from "../runtime";

/** A problem the person at the terminal can fix: printed without a stack, exit code 1. */
export class CliError extends Error {}

/** Opens the database the way `serve` does (same config, same migrations), runs `work`, closes. */
export async function withServices<T>(
  work: (deps: Deps, services: Services) => Promise<T>,
  config: Config = loadConfig(),
): Promise<T> {
  const services = await openServices(config);
  try {
    return await work(services.deps, services);
  } finally {
    await services.close();
  }
}

/** "the embedded database in /abs/data" or "PostgreSQL db.example:5432/tandem" (never the password). */
export function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return `the embedded database in ${resolve(config.dataDir)}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL ${url.host}${url.pathname}`;
}

export const isId = (value: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** Organisations whose id is `idOrName`, or whose name matches it ignoring case. */
export async function findOrganisations(executor: Executor, idOrName: string) {
  const where = isId(idOrName)
    ? eq(organisations.id, idOrName)
    : eq(sql`lower(${organisations.name})`, idOrName.trim().toLowerCase());
  return executor.select().from(organisations).where(where).orderBy(asc(organisations.createdAt));
}

export async function resolveOrganisation(executor: Executor, idOrName: string) {
  const found = await findOrganisations(executor, idOrName);
  const [only] = found;
  if (!only) throw new CliError(`No organisation with the id or name "${idOrName}"`);
  if (found.length > 1) {
    const ids = found.map((o) => `  ${o.id}  ${o.name}`).join("\n");
    throw new CliError(`Several organisations are called "${idOrName}"; give one of their ids:\n${ids}`);
  }
  return only;
}

/** The person a command acts as: the one with `email`, else the organisation's first owner. */
export async function actorIn(executor: Executor, organisationId: string, email?: string): Promise<Actor> {
  const [person] = await executor
    .select({ id: people.id, role: people.role })
    .from(people)
    .where(
      and(
        eq(people.organisationId, organisationId),
        email ? eq(people.email, email.trim().toLowerCase()) : eq(people.role, "owner"),
      ),
    )
    .orderBy(asc(people.createdAt))
    .limit(1);
  if (!person) {
    throw new CliError(
      email ? `Nobody with the email ${email} in this organisation` : "This organisation has no owner",
    );
  }
  return { personId: person.id, organisationId, role: person.role as Role, via: "cli" };
}
