import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { linkInput } from "../../../contracts/updates";
import type { Executor } from "../../platform/db/types";
import { invalid } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { visibleDocuments } from "../documents";
import { meetings } from "../meetings/meetings.table";
import { meetingVisibleTo } from "../meetings/meetings.visibility";
import { people } from "../people/people.table";
import { getTeamRow } from "../teams";

export type LinkInput = z.infer<typeof linkInput>;

export interface NamedPerson {
  id: string;
  name: string;
  timeZone: string;
}

/**
 * The active people of the organisation among `ids` (one query), else 400 naming `field`:
 * someone of another organisation is simply "no such person" here.
 */
export async function activePeopleOf(
  db: Executor,
  organisationId: string,
  ids: readonly string[],
  field: string,
): Promise<Map<string, NamedPerson>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: people.id, name: people.name, timeZone: people.timeZone })
    .from(people)
    .where(
      and(eq(people.organisationId, organisationId), eq(people.active, true), inArray(people.id, [...ids])),
    );
  const byId = new Map(rows.map((r) => [r.id, r]));
  if (ids.some((id) => !byId.has(id))) throw invalid(field, "no such person in your organisation");
  return byId;
}

/** A person's name for a notice ("Someone" should they be gone): the poster, commenter or decider. */
export async function nameOf(db: Executor, organisationId: string, personId: string): Promise<string> {
  const [person] = await db
    .select({ name: people.name })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.id, personId)));
  return person?.name ?? "Someone";
}

/** 400 naming `audience.teamId` unless the team is one of the organisation's. */
export async function assertAudienceTeam(db: Executor, organisationId: string, teamId: string) {
  await getTeamRow(db, organisationId, teamId).catch(() => {
    throw invalid("audience.teamId", "no such team in your organisation");
  });
}

/**
 * Links may name meetings the author may see (organiser or attendee: the meetings' own rule) and
 * documents the author may read, so a link never tells readers about something its author could not
 * open. 400 naming the first link that fails otherwise. One query per kind named.
 */
export async function assertLinks(db: Executor, actor: Actor, links: readonly LinkInput[]): Promise<void> {
  const idsOf = (type: LinkInput["type"]) => [
    ...new Set(links.filter((l) => l.type === type).map((l) => l.id)),
  ];
  const meetingIds = idsOf("meeting");
  const [visibleMeetings, documents] = await Promise.all([
    meetingIds.length === 0
      ? []
      : db
          .select({ id: meetings.id })
          .from(meetings)
          .where(
            and(
              eq(meetings.organisationId, actor.organisationId),
              inArray(meetings.id, meetingIds),
              meetingVisibleTo(actor.personId),
            ),
          ),
    visibleDocuments(db, actor, idsOf("document")),
  ]);
  const found = new Set(visibleMeetings.map((m) => m.id));
  links.forEach((link, i) => {
    if (link.type === "meeting" && !found.has(link.id))
      throw invalid(`links[${i}]`, "no such meeting that you can see");
    if (link.type === "document" && !documents.has(link.id))
      throw invalid(`links[${i}]`, "no such document that you can see");
  });
}
