import type { z } from "zod";
import { DEFAULT_RULES, type Rules } from "../../../contracts/agreement";
import type { AgreementEffectView, agreementEffectQuery } from "../../../contracts/insights";
import { diffRules, effectiveRules } from "../../../core/agreement";
import { effectSummary } from "../../../core/insights";
import { mondayOf } from "../../../core/meetings";
import { addDays, instantToLocal } from "../../../core/time";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { notFound } from "../../platform/errors";
import { type Actor, authorize } from "../../platform/http/actor";
import { thresholdsOf } from "../checkins";
import { getTeamRow } from "../teams";
import {
  groupSize,
  ledTeams,
  organisationZone,
  orgRulesAt,
  orgVersionsUpTo,
  periodStatsOf,
  teamRulesAt,
  teamVersionsUpTo,
} from "./effect.repo";

type Query = z.output<typeof agreementEffectQuery>;

/** Versions are PostgreSQL integers: a larger number names no version. */
const MAX_VERSION = 2_147_483_647;

/** The turning point: when the version was published, and the rules the group followed before and after it. */
interface TurningPoint {
  publishedAt: Date;
  from: Rules;
  to: Rules;
}

/**
 * GET /insights/agreement-effect: the group's figures over the `weeks` weeks before the week a version
 * was published and the `weeks` weeks from the Monday after it (`effectiveFrom`; weeks in the
 * organisation's zone, so every viewer sees the same split), beside each changed rule. The group is
 * the team's active members, or the organisation's active people without `teamId` (HR and admins).
 * Read from the rollups only; below the organisation's minimum group size, no figures at all.
 */
export async function agreementEffect(deps: Deps, actor: Actor, query: Query): Promise<AgreementEffectView> {
  const { organisationId } = actor;
  const team = query.teamId ? await getTeamRow(deps.db, organisationId, query.teamId) : null;
  const leadOf = team
    ? (await ledTeams(deps.db, organisationId, actor.personId, [team.id])).length > 0
    : false;
  authorize(actor, "insights.readAgreementEffect", { leadOf });

  const turn = await turningPointOf(deps.db, organisationId, query);
  const zone = await organisationZone(deps.db, organisationId);
  const published = mondayOf(instantToLocal(zone, turn.publishedAt.getTime()).date);
  const effectiveFrom = addDays(published, 7);
  const group = { organisationId, teamId: team?.id ?? null };
  const [{ minGroupSize }, size] = await Promise.all([
    thresholdsOf(deps.db, organisationId),
    groupSize(deps.db, group),
  ]);
  const suppressed = size < minGroupSize;
  const periods = suppressed
    ? undefined
    : await Promise.all([
        periodStatsOf(
          deps.db,
          group,
          { from: addDays(published, -7 * query.weeks), to: addDays(published, -1) },
          minGroupSize,
        ),
        periodStatsOf(
          deps.db,
          group,
          { from: effectiveFrom, to: addDays(effectiveFrom, 7 * query.weeks - 1) },
          minGroupSize,
        ),
      ]);
  const changes = diffRules(turn.from, turn.to);
  const summary = effectSummary(changes, periods?.[0], periods?.[1]);
  return {
    team: team ? { id: team.id, name: team.name } : null,
    of: query.of,
    version: query.version,
    effectiveFrom,
    weeks: query.weeks,
    minGroupSize,
    suppressed,
    ...(periods ? { before: periods[0], after: periods[1] } : {}),
    changeSummary: changes.length > 0 ? summary : [noChange(query)],
  };
}

function noChange(query: Query): string {
  if (query.version === 1 && query.of === "organisation")
    return "Version 1 is the first agreement, the defaults: there was no earlier version to change.";
  if (query.of === "team")
    return `Version ${query.version} of the team's agreement changed no rule the team follows (the organisation's was already as strict).`;
  return `Version ${query.version} changed no rule${query.teamId ? " this team follows" : ""}, only the agreement's text.`;
}

/**
 * The version's publication and the effective rules on either side of it. An organisation's version
 * 1 is compared with the defaults; a team's version 1 with the organisation's rules alone. With a
 * team, the other side (the team's override, or the organisation's version) is the one in force then.
 */
async function turningPointOf(db: Executor, organisationId: string, query: Query): Promise<TurningPoint> {
  if (query.of === "team" && query.teamId) {
    const what = `Version ${query.version} of this team's agreement`;
    if (query.version > MAX_VERSION) throw notFound(what);
    const rows = await teamVersionsUpTo(db, organisationId, query.teamId, query.version);
    const version = rows.get(query.version);
    if (!version) throw notFound(what);
    const org = (await orgRulesAt(db, organisationId, version.publishedAt)) ?? DEFAULT_RULES;
    return {
      publishedAt: version.publishedAt,
      from: effectiveRules(org, rows.get(query.version - 1)?.rules).rules,
      to: effectiveRules(org, version.rules).rules,
    };
  }
  const what = `Agreement version ${query.version}`;
  if (query.version > MAX_VERSION) throw notFound(what);
  const rows = await orgVersionsUpTo(db, organisationId, query.version);
  const version = rows.get(query.version);
  if (!version) throw notFound(what);
  const team = query.teamId
    ? await teamRulesAt(db, organisationId, query.teamId, version.publishedAt)
    : undefined;
  return {
    publishedAt: version.publishedAt,
    from: effectiveRules(rows.get(query.version - 1)?.rules ?? DEFAULT_RULES, team).rules,
    to: effectiveRules(version.rules, team).rules,
  };
}
