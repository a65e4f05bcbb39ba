import type { LedgerPersonView, LedgerView } from "../../../contracts/scheduling";
import type { Deps } from "../../deps";
import type { Actor } from "../../platform/http/actor";
import { getTeamRow } from "../teams";
import { latestEntries, ledgerPeople, ledgerTotals } from "./scheduling.repo";
import { BURDEN_LOOKBACK_MS } from "./slots.service";

const RECENT_ENTRIES = 5;

/**
 * GET /scheduling/ledger: who carried early, late and outside-hours slots, per person — a team's
 * members (teamId, another organisation's → 404) or everyone with an entry. Any member may read it:
 * burden is about fairness, not private. Most burdened first.
 */
export async function getLedger(deps: Deps, actor: Actor, teamId: string | undefined): Promise<LedgerView> {
  const { organisationId } = actor;
  if (teamId) await getTeamRow(deps.db, organisationId, teamId);
  const people = await ledgerPeople(deps.db, organisationId, teamId);
  const ids = people.map((p) => p.id);
  const since = new Date(Date.now() - BURDEN_LOOKBACK_MS);
  const [totals, entries] = await Promise.all([
    ledgerTotals(deps.db, organisationId, ids, since),
    latestEntries(deps.db, organisationId, ids, RECENT_ENTRIES),
  ]);
  const totalsOf = byPerson(totals);
  const entriesOf = byPerson(entries);
  const views = people.map((p): LedgerPersonView => {
    const view: LedgerPersonView = {
      personId: p.id,
      name: p.name,
      timeZone: p.timeZone,
      points: 0,
      recentPoints: 0,
      counts: { early: 0, late: 0, outside: 0 },
      recent: [],
    };
    for (const t of totalsOf.get(p.id) ?? []) {
      view.points += t.points;
      view.recentPoints += t.recentPoints;
      view.counts[t.kind] = t.count;
    }
    view.recent = (entriesOf.get(p.id) ?? []).map((e) => ({
      source: e.source,
      sourceId: e.sourceId,
      occurredAt: new Date(e.occurredAt).toISOString(),
      kind: e.kind,
      points: e.points,
    }));
    return view;
  });
  return { people: views.sort((a, b) => b.points - a.points || a.name.localeCompare(b.name)) };
}

function byPerson<T extends { personId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.personId);
    if (list) list.push(row);
    else map.set(row.personId, [row]);
  }
  return map;
}
