import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { linkInput } from "../../../contracts/updates";
import type { Executor } from "../../platform/db/types";
import { invalid } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { visibleDocuments } from "../documents";
import { meetings } from "../meetings/meetings.table";
import { meetingVisibleTo } from "../meetings/meetings.visibility";

export type LinkInput = z.infer<typeof linkInput>;

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
