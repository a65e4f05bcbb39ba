import { and, eq } from "drizzle-orm";
import { MAX_PULSE_DAYS, type ParticipationView, type PulseView } from "../../../contracts/checkins";
import { may } from "../../../core/access";
import { ownPulse, pulsePeriods, weekStart } from "../../../core/checkins";
import { addDays, dateToEpochDay, instantToLocal } from "../../../core/time";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { invalid, notFound } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { type CheckinRow, checkinFor } from "./checkin-access";
import { checkins } from "./checkins.table";
import { thresholdsOf } from "./privacy.repo";
import { nonRespondentsOf, participationOf, pulseAnswersOf, type RitualWindow, zoneOf } from "./pulse.repo";

/** Without `from`: this many weeks, the current one included. */
const DEFAULT_WEEKS = 12;

export interface PeriodInput {
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * GET /checkins/:id/pulse: the ritual's weekly pulse (weeks of each occurrence's local date, all its
 * pulse questions), an average and distribution only for weeks at or above the organisation's minimum
 * group size, and the viewer's own weekly averages (`mine`, theirs alone). No one else's answer is
 * ever returned: what leaves is a count, or an aggregate over at least the minimum group.
 */
export async function pulseOf(
  deps: Deps,
  actor: Actor,
  checkinId: string,
  query: PeriodInput,
): Promise<PulseView> {
  const checkin = await pulseCheckinFor(deps.db, actor, checkinId);
  const window = await windowOf(deps, actor, checkin, query);
  const [{ minGroupSize }, answers] = await Promise.all([
    thresholdsOf(deps.db, actor.organisationId),
    pulseAnswersOf(deps.db, window),
  ]);
  return {
    minGroupSize,
    periods: pulsePeriods(answers, minGroupSize, window.from, window.to),
    mine: ownPulse(
      answers.filter((answer) => answer.personId === actor.personId),
      actor.personId,
    ),
  };
}

/**
 * GET /checkins/:id/participation: per local date, how many were delivered the ritual and how many
 * answered (counts, for anyone who reads the ritual); who has not answered, for the latest date only
 * and only for those who run it (its team's leads, its owner: "checkin.readNonRespondents").
 */
export async function participationOfCheckin(
  deps: Deps,
  actor: Actor,
  checkinId: string,
  query: PeriodInput,
): Promise<ParticipationView> {
  const { checkin, facts } = await checkinFor(deps.db, actor, checkinId);
  const window = await windowOf(deps, actor, checkin, query);
  const rows = await participationOf(deps.db, window);
  const latest = rows.at(-1);
  if (!latest || !may(actor, "checkin.readNonRespondents", facts)) return { periods: rows };
  const notAnswered = await nonRespondentsOf(deps.db, window, latest.localDate);
  return { periods: [...rows.slice(0, -1), { ...latest, notAnswered }] };
}

/**
 * The ritual for a pulse reader. HR and admins read team pulse by role ("pulse.readAggregate"), so
 * they need not be able to open the ritual itself; everyone else comes through the ritual's door
 * (404 unless they may see it) and its relationships (participants, its team's leads, its owner).
 */
async function pulseCheckinFor(db: Executor, actor: Actor, checkinId: string): Promise<CheckinRow> {
  if (may(actor, "pulse.readAggregate")) {
    const [checkin] = await db
      .select()
      .from(checkins)
      .where(and(eq(checkins.id, checkinId), eq(checkins.organisationId, actor.organisationId)));
    if (!checkin) throw notFound("Check-in");
    return checkin;
  }
  return (await checkinFor(db, actor, checkinId, "pulse.readAggregate")).checkin;
}

/**
 * The local dates asked for: `to` defaults to today in the viewer's zone, `from` to the Monday
 * eleven weeks before `to`'s week (twelve weeks in all); at most MAX_PULSE_DAYS, then widened to whole weeks.
 */
async function windowOf(
  deps: Deps,
  actor: Actor,
  checkin: CheckinRow,
  query: PeriodInput,
): Promise<RitualWindow> {
  const zone = (await zoneOf(deps.db, actor.organisationId, actor.personId)) ?? "UTC";
  const to = query.to ?? instantToLocal(zone, deps.clock.now().getTime()).date;
  const from = query.from ?? addDays(weekStart(to), -7 * (DEFAULT_WEEKS - 1));
  if (from > to) throw invalid("from", "must not be after to (today when to is not given)");
  if (dateToEpochDay(to) - dateToEpochDay(from) > MAX_PULSE_DAYS)
    throw invalid("from", `may be at most ${MAX_PULSE_DAYS} days before to (today when to is not given)`);
  // Whole weeks only: a window ending mid-week, compared with the whole week, would tell apart the
  // answers of the days left out — one person's, when one person answered on them.
  return {
    organisationId: actor.organisationId,
    checkinId: checkin.id,
    from: weekStart(from),
    to: addDays(weekStart(to), 6),
  };
}
