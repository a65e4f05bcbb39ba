import type { UpdatePersonBody } from "../../../contracts/people";
import { normalizeWeekPattern, validateWeekPattern, type WeekPattern } from "../../../core/time";
import type { Deps } from "../../deps";
import { LOCKS, lockForTransaction } from "../../platform/db/lock";
import type { Executor } from "../../platform/db/types";
import { AppError, invalid } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { type AuditAction, recordAudit } from "../audit";
import { workingTimeChangedForInsights } from "./people.insights";
import { assertMayChangeRole, assertMayEditPerson, assertOutranks } from "./people.policy";
import { presentPerson } from "./people.present";
import { countOwners, endSignIns, getPerson, listPeopleRows, updatePersonRow } from "./people.repo";

const PAGE = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function listPeople(
  deps: Deps,
  actor: Actor,
  query: {
    q?: string | undefined;
    teamId?: string | undefined;
    cursor?: string | undefined;
    limit?: number | undefined;
  },
) {
  const limit = query.limit ?? PAGE;
  const rows = await listPeopleRows(deps.db, actor.organisationId, {
    q: query.q,
    teamId: query.teamId,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    people: page.map(presentPerson),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}

const encodeCursor = (p: { name: string; id: string }) =>
  Buffer.from(JSON.stringify([p.name, p.id])).toString("base64url");

function decodeCursor(cursor: string): { name: string; id: string } {
  try {
    const [name, id] = JSON.parse(Buffer.from(cursor, "base64url").toString()) as [unknown, unknown];
    if (typeof name === "string" && typeof id === "string" && UUID.test(id)) return { name, id };
  } catch {
    // fall through to the 400 below
  }
  throw invalid("cursor", "is not a cursor from a previous page; start again without it");
}

export async function getPersonView(deps: Deps, actor: Actor, id: string) {
  return presentPerson(await getPerson(deps.db, actor.organisationId, id));
}

export async function updatePerson(
  deps: Deps,
  actor: Actor,
  id: string,
  body: UpdatePersonBody,
  ip?: string,
) {
  return deps.db.transaction(async (tx) => {
    // Role changes take turns per organisation: two owners demoting each other must leave one.
    if (body.role !== undefined) await lockForTransaction(tx, LOCKS.roles, actor.organisationId);
    const target = await getPerson(tx, actor.organisationId, id);
    const { role, ...profile } = body;
    if (Object.keys(profile).length > 0) assertMayEditPerson(actor, id);
    const emailChanged = profile.email !== undefined && profile.email !== target.email;
    if (emailChanged) assertOutranks(actor, target, "sign-in email");
    if (profile.managerId) {
      if (profile.managerId === id) throw invalid("managerId", "a person cannot be their own manager");
      await getPerson(tx, actor.organisationId, profile.managerId);
    }
    const audit = (action: AuditAction, data: Record<string, unknown>) =>
      recordAudit(tx, {
        organisationId: actor.organisationId,
        actorId: actor.personId,
        action,
        targetType: "person",
        targetId: id,
        data,
        ip,
      });
    if (role !== undefined && role !== target.role) {
      assertMayChangeRole(actor, target, role, await countOwners(tx, actor.organisationId));
      await audit("person.role_changed", { from: target.role, to: role });
    }
    const row = await updatePersonRow(tx, actor.organisationId, id, body);
    if (body.timeZone !== undefined && body.timeZone !== target.timeZone)
      await workingTimeChangedForInsights(tx, deps, actor.organisationId, id);
    if (emailChanged) {
      await audit("person.email_changed", {
        from: target.email,
        to: profile.email,
        ...(await signOutIfOther(tx, actor, id)),
      });
    }
    return presentPerson(row);
  });
}

/**
 * Someone else changed this person's sign-in email: whoever holds their old sessions or API tokens
 * must not keep access, so every one of them ends and the person signs in again with the new email.
 */
async function signOutIfOther(tx: Executor, actor: Actor, id: string) {
  if (actor.personId === id) return {};
  return endSignIns(tx, actor.organisationId, id);
}

/** Replaces the weekly pattern (sorted; overlaps → 400 naming day and index); a zone given moves the person too. */
export async function setWorkingPattern(
  deps: Deps,
  actor: Actor,
  id: string,
  body: { timeZone?: string | undefined; week: WeekPattern },
) {
  await getPerson(deps.db, actor.organisationId, id);
  assertMayEditPerson(actor, id);
  const row = await deps.db.transaction(async (tx) => {
    await workingTimeChangedForInsights(tx, deps, actor.organisationId, id);
    return updatePersonRow(tx, actor.organisationId, id, {
      workingPattern: checkedWeekPattern(body.week),
      ...(body.timeZone ? { timeZone: body.timeZone } : {}),
    });
  });
  return presentPerson(row);
}

/** A weekly pattern (working hours or focus blocks) sorted and without empty days; problems → 400 naming day and index. */
export function checkedWeekPattern(week: WeekPattern): WeekPattern {
  const problems = validateWeekPattern(week);
  if (problems.length > 0) {
    throw new AppError("validation_failed", problems.map((p) => p.message).join("; "), { fields: problems });
  }
  return Object.fromEntries(
    Object.entries(normalizeWeekPattern(week)).filter(([, spans]) => spans && spans.length > 0),
  ) as WeekPattern;
}
