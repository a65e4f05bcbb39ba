import type { RecordingView } from "../../../contracts/recordings";
import type { ResponderView, UpdateSummaryView } from "../../../contracts/updates";
import type { Executor } from "../../platform/db/types";
import type { Actor } from "../../platform/http/actor";
import { renderMarkdown } from "../../platform/markdown";
import { recordingViews } from "../recordings";
import type { UpdateRow } from "./update-access";
import { type SummaryParts, summaryParts } from "./updates.repo";

const EXCERPT_CHARS = 200;
/** Enough markdown for 200 characters of text: an excerpt never renders a whole long body. */
const EXCERPT_SOURCE_CHARS = 2_000;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };

/** The start of the body as plain text: rendered (so markup is gone), tags dropped, cut at a word. */
export function excerptOf(markdown: string): string {
  const text = renderMarkdown(markdown.slice(0, EXCERPT_SOURCE_CHARS))
    .replace(/<[^>]*>/g, " ")
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name] ?? "")
    .replace(/\s+/g, " ")
    .trim();
  if (text.length <= EXCERPT_CHARS) return text;
  const cut = text.slice(0, EXCERPT_CHARS);
  const space = cut.lastIndexOf(" ");
  return `${(space > EXCERPT_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

interface Parts extends SummaryParts {
  recordings: Map<string, RecordingView>;
}

function summaryOf(row: UpdateRow, parts: Parts, viewerId: string, now: number): UpdateSummaryView {
  const responderRows = parts.responders.get(row.id) ?? [];
  const responders: ResponderView[] = responderRows.map((r) => ({
    personId: r.personId,
    name: r.name,
    timeZone: r.timeZone,
    replyBy: iso(r.replyBy),
    ...(r.answeredAt ? { answeredAt: r.answeredAt.toISOString() } : {}),
  }));
  const open = row.closedAt === null;
  const mine = responderRows.find((r) => r.personId === viewerId);
  const isAuthor = row.authorId === viewerId;
  const late = (r: (typeof responderRows)[number]) =>
    r.answeredAt === null && r.replyBy !== null && r.replyBy.getTime() < now;
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    excerpt: excerptOf(row.body),
    authorId: row.authorId,
    authorName: parts.authorNames.get(row.authorId) ?? "",
    audience: {
      organisation: row.audienceOrganisation,
      teamId: row.audienceTeamId,
      teamName: row.audienceTeamId ? (parts.teamNames.get(row.audienceTeamId) ?? null) : null,
      people: (parts.audience.get(row.id) ?? []).map((a) => ({ personId: a.personId, name: a.name })),
    },
    urgency: row.urgency,
    createdAt: row.createdAt.toISOString(),
    editedAt: iso(row.editedAt),
    replyBy: iso(row.replyBy),
    responders,
    decisionDue: iso(row.decisionDue),
    closedAt: iso(row.closedAt),
    commentCount: parts.commentCounts.get(row.id) ?? 0,
    unread: !isAuthor && !parts.seen.has(row.id),
    needsMyReply: open && mine !== undefined && mine.answeredAt === null,
    // The same rule as the feed's `overdue` filter: the viewer's own row, or any row for the author.
    overdue: open && (isAuthor ? responderRows.some(late) : mine !== undefined && late(mine)),
    meetingId: row.meetingId,
    recording: row.recordingId ? (parts.recordings.get(row.recordingId) ?? null) : null,
  };
}

/**
 * Feed summaries of `rows` for the viewer, in their order: a constant number of queries per page
 * (the page's recordings in one more).
 */
export async function presentSummaries(
  db: Executor,
  actor: Actor,
  rows: UpdateRow[],
  now: Date,
): Promise<UpdateSummaryView[]> {
  if (rows.length === 0) return [];
  const recordingIds = rows.flatMap((r) => (r.recordingId ? [r.recordingId] : []));
  const [parts, recordings] = await Promise.all([
    summaryParts(db, actor.organisationId, actor.personId, rows),
    recordingIds.length === 0
      ? new Map<string, RecordingView>()
      : recordingViews(db, actor.organisationId, recordingIds),
  ]);
  return rows.map((row) => summaryOf(row, { ...parts, recordings }, actor.personId, now.getTime()));
}
