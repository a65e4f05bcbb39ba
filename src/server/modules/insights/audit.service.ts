import type { z } from "zod";
import type {
  MeetingAuditSeriesView,
  MeetingAuditView,
  meetingAuditQuery,
} from "../../../contracts/insights";
import { auditSeries, type SeriesFacts } from "../../../core/insights";
import { RATING_THRESHOLD } from "../../../core/meetings";
import { DAY_MS } from "../../../core/time";
import type { Deps } from "../../deps";
import { type Actor, authorize } from "../../platform/http/actor";
import { getTeamRow } from "../teams";
import {
  type AuditScope,
  auditOccurrences,
  type OccurrenceRow,
  ratingsBySeries,
  type SeriesRatings,
} from "./audit.repo";
import { ledTeams } from "./effect.repo";

/** The audit looks this far back; person-hours are per month, a third of it. */
const AUDIT_DAYS = 90;
const MONTHS = 3;

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;
const share = (part: number, whole: number) => (whole === 0 ? 0 : round(part / whole, 2));

/**
 * GET /insights/meeting-audit: each recurring series with occurrences in the last 90 days — the
 * team's (`teamId`, its leads only) or the viewer's own as organiser — with its monthly cost in
 * person-hours, ratings (from 3), decline and follow-async shares, and a suggestion with the reasons;
 * costliest first. One-to-ones and reviews are never listed. Two queries for all series.
 */
export async function meetingAudit(
  deps: Deps,
  actor: Actor,
  query: z.output<typeof meetingAuditQuery>,
): Promise<MeetingAuditView> {
  const { organisationId } = actor;
  let scope: AuditScope;
  if (query.teamId) {
    const team = await getTeamRow(deps.db, organisationId, query.teamId);
    const leadOf = (await ledTeams(deps.db, organisationId, actor.personId, [team.id])).length > 0;
    authorize(actor, "insights.readMeetingAudit", { leadOf });
    scope = { teamId: team.id };
  } else {
    // Only the series they organise are read below: they are each one's author.
    authorize(actor, "insights.readMeetingAudit", { authorOf: true });
    scope = { organiserId: actor.personId };
  }
  const until = deps.clock.now();
  const since = new Date(until.getTime() - AUDIT_DAYS * DAY_MS);
  const rows = await auditOccurrences(deps.db, organisationId, scope, { since, until });
  const held = rows.filter((row) => row.status !== "cancelled");
  const ratings = await ratingsBySeries(
    deps.db,
    organisationId,
    held.map((row) => row.id),
  );
  const bySeries = new Map<string, OccurrenceRow[]>();
  for (const row of held) bySeries.set(row.seriesId, [...(bySeries.get(row.seriesId) ?? []), row]);
  return {
    series: [...bySeries.values()]
      .map((occurrences) => seriesView(occurrences, ratings.get(occurrences[0]?.seriesId ?? "")))
      .sort((x, y) => y.monthlyPersonHours - x.monthlyPersonHours || x.title.localeCompare(y.title)),
  };
}

/** One series' figures from its held occurrences (at least one), and the suggestion they lead to. */
function seriesView(
  occurrences: OccurrenceRow[],
  ratings: SeriesRatings | undefined,
): MeetingAuditSeriesView {
  const latest = occurrences.reduce((a, b) => (b.startAt > a.startAt ? b : a));
  const sum = (pick: (row: OccurrenceRow) => number) =>
    occurrences.reduce((total, row) => total + pick(row), 0);
  const invited = sum((row) => row.invited);
  const completed = occurrences.filter((row) => row.status === "completed");
  const rated = ratings && ratings.count >= RATING_THRESHOLD ? ratings : undefined;
  const facts: SeriesFacts = {
    title: latest.title,
    durationMinutes: latest.durationMinutes,
    completed: completed.length,
    monthlyPersonHours: round(sum((row) => row.attending * row.durationMinutes) / 60 / MONTHS, 2),
    ...(rated
      ? {
          ratingAverage: round(rated.worthItAverage, 1),
          couldBeAsyncShare: share(rated.couldBeAsync, rated.count),
          ratingCount: rated.count,
        }
      : {}),
    invitations: invited,
    declineShare: share(
      sum((row) => row.declined),
      invited,
    ),
    followAsyncShare: share(
      sum((row) => row.followAsync),
      invited,
    ),
    noOutcomeShare: share(completed.filter((row) => !row.hadOutcome).length, completed.length),
  };
  const verdict = auditSeries(facts);
  return {
    seriesId: latest.seriesId,
    title: facts.title,
    frequency: latest.frequency,
    organiser: { id: latest.organiserId, name: latest.organiserName },
    monthlyPersonHours: facts.monthlyPersonHours,
    ...(rated ? { ratingAverage: facts.ratingAverage, couldBeAsyncShare: facts.couldBeAsyncShare } : {}),
    declineShare: facts.declineShare,
    followAsyncShare: facts.followAsyncShare,
    suggestion: verdict.suggestion,
    reasons: verdict.reasons,
  };
}
