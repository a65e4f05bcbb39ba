import { and, asc, eq, inArray, or, type SQL } from "drizzle-orm";
import type { QuestionBody } from "../../../contracts/checkins";
import type { Executor } from "../../platform/db/types";
import { people } from "../people/people.table";
import { teamMembers } from "../teams/teams.table";
import type { CheckinRow } from "./checkin-access";
import { checkinParticipants, checkinQuestions, checkins } from "./checkins.table";

export interface PersonRef {
  id: string;
  name: string;
}

/** The question's columns as stored, at `position` in the ritual's order. */
export const questionColumns = (question: QuestionBody, position: number) => ({
  position,
  type: question.type,
  prompt: question.prompt,
  options: question.options ?? null,
  unblockerPrompt: question.unblockerPrompt ?? null,
  rotatingPrompts: question.rotatingPrompts ?? null,
});

/** New question rows for a ritual, in the order given (position 0 … n−1 from `from`). */
export async function insertQuestions(
  tx: Executor,
  checkin: Pick<CheckinRow, "id" | "organisationId">,
  items: readonly { question: QuestionBody; position: number }[],
): Promise<void> {
  if (items.length === 0) return;
  await tx.insert(checkinQuestions).values(
    items.map(({ question, position }) => ({
      checkinId: checkin.id,
      organisationId: checkin.organisationId,
      ...questionColumns(question, position),
    })),
  );
}

/** Replaces the people named besides the team. */
export async function setNamedParticipants(
  tx: Executor,
  checkin: Pick<CheckinRow, "id" | "organisationId">,
  personIds: readonly string[],
): Promise<void> {
  await tx.delete(checkinParticipants).where(eq(checkinParticipants.checkinId, checkin.id));
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return;
  await tx
    .insert(checkinParticipants)
    .values(
      ids.map((personId) => ({ checkinId: checkin.id, organisationId: checkin.organisationId, personId })),
    );
}

/** The people named on each ritual (any state: the view says who was named), one query for all. */
export async function namedIdsOf(
  db: Executor,
  checkinIds: readonly string[],
): Promise<Map<string, string[]>> {
  const byCheckin = new Map<string, string[]>(checkinIds.map((id) => [id, []]));
  if (checkinIds.length === 0) return byCheckin;
  const rows = await db
    .select({ checkinId: checkinParticipants.checkinId, personId: checkinParticipants.personId })
    .from(checkinParticipants)
    .where(inArray(checkinParticipants.checkinId, [...checkinIds]));
  for (const row of rows) byCheckin.get(row.checkinId)?.push(row.personId);
  return byCheckin;
}

/**
 * Everyone each ritual is delivered to now, by name: its team's active members and its named active
 * people, each once. Two queries for any number of rituals (the rule of `participantIdsOf`, batched).
 */
export async function participantsOf(
  db: Executor,
  organisationId: string,
  rows: readonly Pick<CheckinRow, "id" | "teamId">[],
): Promise<Map<string, PersonRef[]>> {
  const byCheckin = new Map<string, Map<string, PersonRef>>(rows.map((row) => [row.id, new Map()]));
  if (rows.length === 0) return new Map();
  const ids = rows.map((row) => row.id);
  const teamIds = [...new Set(rows.flatMap((row) => (row.teamId ? [row.teamId] : [])))];
  const active = and(eq(people.organisationId, organisationId), eq(people.active, true));
  const [named, members] = await Promise.all([
    db
      .select({ checkinId: checkinParticipants.checkinId, id: people.id, name: people.name })
      .from(checkinParticipants)
      .innerJoin(people, eq(people.id, checkinParticipants.personId))
      .where(and(inArray(checkinParticipants.checkinId, ids), active)),
    teamIds.length === 0
      ? []
      : db
          .select({ teamId: teamMembers.teamId, id: people.id, name: people.name })
          .from(teamMembers)
          .innerJoin(people, eq(people.id, teamMembers.personId))
          .where(and(inArray(teamMembers.teamId, teamIds), active)),
  ]);
  for (const person of named)
    byCheckin.get(person.checkinId)?.set(person.id, { id: person.id, name: person.name });
  for (const row of rows)
    for (const person of members)
      if (person.teamId === row.teamId)
        byCheckin.get(row.id)?.set(person.id, { id: person.id, name: person.name });
  const sorted = new Map<string, PersonRef[]>();
  for (const [id, found] of byCheckin)
    sorted.set(
      id,
      [...found.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
    );
  return sorted;
}

/** The teams `personId` leads, among the organisation's. */
export async function teamsLedBy(
  db: Executor,
  organisationId: string,
  personId: string,
): Promise<Set<string>> {
  const rows = await db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(
      and(
        eq(teamMembers.organisationId, organisationId),
        eq(teamMembers.personId, personId),
        eq(teamMembers.role, "lead"),
      ),
    );
  return new Set(rows.map((row) => row.teamId));
}

/**
 * The organisation's rituals `viewerId` takes part in or runs: named on it, in its team (a member or
 * a lead), or its owner; with `all`, every one of the organisation's (admins). Oldest first.
 */
export async function listRows(
  db: Executor,
  organisationId: string,
  viewerId: string,
  all: boolean,
): Promise<CheckinRow[]> {
  const mine: SQL | undefined = all
    ? undefined
    : or(
        eq(checkins.ownerId, viewerId),
        inArray(
          checkins.id,
          db
            .select({ id: checkinParticipants.checkinId })
            .from(checkinParticipants)
            .where(
              and(
                eq(checkinParticipants.organisationId, organisationId),
                eq(checkinParticipants.personId, viewerId),
              ),
            ),
        ),
        inArray(
          checkins.teamId,
          db
            .select({ id: teamMembers.teamId })
            .from(teamMembers)
            .where(and(eq(teamMembers.organisationId, organisationId), eq(teamMembers.personId, viewerId))),
        ),
      );
  return db
    .select()
    .from(checkins)
    .where(and(eq(checkins.organisationId, organisationId), mine))
    .orderBy(asc(checkins.createdAt), asc(checkins.id));
}
