import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Role } from "../../src/contracts/common";
import { createSession } from "../../src/server/modules/auth";
import { sessions } from "../../src/server/modules/auth/auth.table";
import { DEFAULT_WEEK, insertPerson, type PersonRow } from "../../src/server/modules/people";
import { createOrganisationWithOwner } from "../../src/server/modules/setup";
import { sha256 } from "../../src/server/platform/crypto";
import type { Actor } from "../../src/server/platform/http/actor";
import type { Caller, TestEnv } from "./harness";

export const PASSWORD = "correct horse battery";

export interface TestPerson {
  person: PersonRow;
  caller: Caller;
}

export interface TestOrg {
  organisation: { id: string; name: string };
  owner: TestPerson;
  admin: TestPerson;
  hr: TestPerson;
  manager: TestPerson;
  member: TestPerson;
  add(role: Role, overrides?: Partial<PersonRow>): Promise<TestPerson>;
}

const unique = () => randomUUID().slice(0, 8);

/** An organisation with one signed-in person of each role, built through the services. */
export async function makeOrg(env: TestEnv, timeZone = "Europe/London"): Promise<TestOrg> {
  const { organisation, person } = await createOrganisationWithOwner(env.deps.db, {
    organisation: { name: `Org ${unique()}`, timeZone },
    owner: { name: "Olive Owner", email: `owner-${unique()}@example.test`, password: PASSWORD, timeZone },
  });
  const add = async (role: Role, overrides: Partial<PersonRow> = {}): Promise<TestPerson> => {
    const row = await insertPerson(env.deps.db, {
      organisationId: organisation.id,
      name: `${role} ${unique()}`,
      email: `${role}-${unique()}@example.test`,
      role,
      timeZone,
      workingPattern: DEFAULT_WEEK,
      active: true,
      ...overrides,
    });
    return { person: row, caller: await signIn(env, row) };
  };
  return {
    organisation,
    owner: { person, caller: await signIn(env, person) },
    admin: await add("admin"),
    hr: await add("hr"),
    manager: await add("manager"),
    member: await add("member"),
    add,
  };
}

export async function signIn(env: TestEnv, person: PersonRow): Promise<Caller> {
  const { token } = await createSession(env.deps.db, person, 1);
  const [row] = await env.deps.db
    .select()
    .from(sessions)
    .where(eq(sessions.tokenHash, sha256(token)));
  if (!row) throw new Error("session not stored");
  return { kind: "session", cookie: token, csrf: row.csrfToken };
}

/** The service-level actor for a test person (to prepare data without HTTP). */
export function actorOf(p: TestPerson): Actor {
  return {
    personId: p.person.id,
    organisationId: p.person.organisationId,
    role: p.person.role,
    via: "session",
  };
}
