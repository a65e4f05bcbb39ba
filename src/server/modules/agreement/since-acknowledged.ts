import type { TeamRules } from "../../../contracts/agreement";
import { diffRules, effectiveRules, type RuleChange } from "../../../core/agreement";
import type { Executor } from "../../platform/db/types";
import type { Standing } from "../versioning";
import { type AgreementRow, teamVersion } from "./agreement.repo";
import { diffSections, type SectionChange } from "./sections";

export interface TeamRuleChanges {
  teamId: string;
  teamName: string;
  rules: RuleChange[];
}

/** What a person has not acknowledged yet: the changes between what they last acknowledged and now. */
export interface AgreementChanges {
  /** The org version they last acknowledged; null when they never did (they read the whole agreement). */
  sinceVersion: number | null;
  rules: RuleChange[];
  sections: SectionChange[];
  /** Each of their teams whose override changed since, by what it changes in that team's effective rules. */
  teams: TeamRuleChanges[];
}

const FIRST_TIME: AgreementChanges = { sinceVersion: null, rules: [], sections: [], teams: [] };

/**
 * The rule and section changes of the organisation's agreement since the version the person last
 * acknowledged, and of each of their teams' overrides since the override version they acknowledged
 * (the versioning module found both).
 */
export async function changesSinceAcknowledged(
  executor: Executor,
  organisationId: string,
  standing: Extract<Standing<AgreementRow>, { upToDate: false }>,
): Promise<AgreementChanges> {
  const { latest: current, last, read, parts } = standing;
  if (!last || !read) return FIRST_TIME;
  const teams: TeamRuleChanges[] = [];
  for (const [teamId, now] of Object.entries(parts)) {
    const before = last.parts[teamId];
    if (before === now) continue;
    const change = await teamChange(executor, organisationId, current, teamId, before, now);
    if (change) teams.push(change);
  }
  return {
    sinceVersion: last.version,
    rules: diffRules(read.rules, current.rules),
    sections: diffSections(read.sections, current.sections),
    teams,
  };
}

/** A team override's change, measured against the current org rules so org changes are not repeated. */
async function teamChange(
  executor: Executor,
  organisationId: string,
  current: AgreementRow,
  teamId: string,
  before: number | undefined,
  now: number,
): Promise<TeamRuleChanges | null> {
  const [then, latest] = await Promise.all([
    before ? teamVersion(executor, organisationId, teamId, before) : null,
    teamVersion(executor, organisationId, teamId, now),
  ]);
  if (!latest) return null;
  const rulesThen: TeamRules = then?.rules ?? {};
  const rules = diffRules(
    effectiveRules(current.rules, rulesThen).rules,
    effectiveRules(current.rules, latest.rules).rules,
  );
  return rules.length > 0 ? { teamId, teamName: latest.teamName, rules } : null;
}
