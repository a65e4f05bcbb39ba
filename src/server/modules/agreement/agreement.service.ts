import { DEFAULT_RULES, type Rules, type TeamRules } from "../../../contracts/agreement";
import { diffRules, effectiveRules, loosenedRules } from "../../../core/agreement";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { AppError, notFound } from "../../platform/errors";
import { type Actor, authorize } from "../../platform/http/actor";
import { renderMarkdown } from "../../platform/markdown";
import { assertMayEditTeam, getTeamRow } from "../teams";
import { acknowledgeAsPublisher, appendVersion } from "../versioning";
import { DEFAULT_SECTIONS } from "./agreement.defaults";
import { announceAgreementVersion } from "./agreement.notify";
import {
  type AgreementRow,
  currentOrgVersion,
  currentTeamVersion,
  listOrgVersions,
  orgAgreement,
  orgVersion,
  teamOverrides,
} from "./agreement.repo";
import type { Section } from "./agreement.table";
import { diffSections } from "./sections";

/** Version 1 of a new organisation's agreement: the defaults of PRODUCT.md C2. */
export async function createDefaultAgreement(executor: Executor, organisationId: string, personId: string) {
  await appendVersion(executor, orgAgreement.versions, { organisationId }, (_, version) => ({
    organisationId,
    version,
    rules: DEFAULT_RULES,
    sections: DEFAULT_SECTIONS,
    changeSummary: "The default agreement",
    publishedBy: personId,
  }));
}

const presentSections = (sections: Section[]) =>
  sections.map((s) => ({ ...s, html: renderMarkdown(s.body) }));

function present(row: AgreementRow) {
  return {
    version: row.version,
    rules: row.rules,
    sections: presentSections(row.sections),
    changeSummary: row.changeSummary,
    publishedAt: row.publishedAt.toISOString(),
    publishedBy: row.publishedBy,
  };
}

/** The org agreement, or the effective one for a team (stricter of both, with each rule's source). */
export async function getAgreement(deps: Deps, actor: Actor, teamId?: string) {
  const org = await currentOrgVersion(deps.db, actor.organisationId);
  if (!teamId) {
    const { sources } = effectiveRules(org.rules);
    return { ...present(org), sources };
  }
  await getTeamRow(deps.db, actor.organisationId, teamId);
  const team = await currentTeamVersion(deps.db, actor.organisationId, teamId);
  const effective = effectiveRules(org.rules, team?.rules);
  return {
    ...present(org),
    teamVersion: team?.teamVersion ?? 0,
    rules: effective.rules,
    sources: effective.sources,
  };
}

/**
 * The effective rules for something addressed to a team (org ⊕ the team's override, stricter wins), or
 * the organisation's when `teamId` is null. For services that work without an actor (updates, jobs).
 */
export async function effectiveRulesOf(
  executor: Executor,
  organisationId: string,
  teamId: string | null,
): Promise<Rules> {
  const org = await currentOrgVersion(executor, organisationId);
  const team = teamId ? await currentTeamVersion(executor, organisationId, teamId) : null;
  return effectiveRules(org.rules, team?.rules).rules;
}

export async function publishAgreement(
  deps: Deps,
  actor: Actor,
  body: { rules: Partial<Rules>; sections?: Section[] | undefined; changeSummary: string },
) {
  authorize(actor, "agreement.publish");
  const ref = { organisationId: actor.organisationId };
  return deps.db.transaction(async (tx) => {
    const row = await appendVersion(tx, orgAgreement.versions, ref, (current, version) => {
      if (!current) throw notFound("Agreement");
      return {
        organisationId: actor.organisationId,
        version,
        rules: { ...current.rules, ...body.rules },
        sections: body.sections ?? current.sections,
        changeSummary: body.changeSummary,
        publishedBy: actor.personId,
      };
    });
    await acknowledgeAsPublisher(tx, orgAgreement, ref, actor.personId, (last) => ({
      version: row.version,
      parts: last?.parts ?? {},
    }));
    await announceAgreementVersion(tx, deps, actor, row);
    return { ...present(row), sources: effectiveRules(row.rules).sources };
  });
}

export async function listVersions(deps: Deps, actor: Actor) {
  const rows = await listOrgVersions(deps.db, actor.organisationId);
  return rows.map((r) => ({
    version: r.version,
    changeSummary: r.changeSummary,
    publishedAt: r.publishedAt.toISOString(),
    publishedBy: r.publishedBy,
  }));
}

/** One version with what changed since the one before it (rules and sections). */
export async function getVersion(deps: Deps, actor: Actor, n: number) {
  const row = await orgVersion(deps.db, actor.organisationId, n);
  if (!row) throw notFound(`Agreement version ${n}`);
  const previous = n > 1 ? await orgVersion(deps.db, actor.organisationId, n - 1) : null;
  return {
    ...present(row),
    changes: previous
      ? {
          rules: diffRules(previous.rules, row.rules),
          sections: diffSections(previous.sections, row.sections),
        }
      : { rules: [], sections: [] },
  };
}

/** A team override: only leads and admins/hr; any rule looser than the org's → 400 naming it. */
export async function publishTeamAgreement(
  deps: Deps,
  actor: Actor,
  teamId: string,
  body: { rules: TeamRules; changeSummary?: string | undefined },
) {
  return deps.db.transaction(async (tx) => {
    await getTeamRow(tx, actor.organisationId, teamId);
    await assertMayEditTeam(tx, actor, teamId, "team.tightenAgreement");
    const org = await currentOrgVersion(tx, actor.organisationId);
    const loose = loosenedRules(org.rules, body.rules);
    if (loose.length > 0) {
      throw new AppError("validation_failed", loose.map((l) => `rules.${l.rule}: ${l.message}`).join("; "), {
        fields: loose.map((l) => ({ path: `rules.${l.rule}`, message: l.message })),
      });
    }
    const ref = { organisationId: actor.organisationId, documentId: teamId };
    const row = await appendVersion(tx, teamOverrides, ref, (_, teamVersion) => ({
      organisationId: actor.organisationId,
      teamId,
      teamVersion,
      rules: body.rules,
      changeSummary: body.changeSummary ?? "Team agreement updated",
      publishedBy: actor.personId,
    }));
    // Extends the publisher's latest org acknowledgement only: an override cannot vouch for an org
    // version they never read.
    await acknowledgeAsPublisher(
      tx,
      orgAgreement,
      { organisationId: actor.organisationId },
      actor.personId,
      (last) =>
        last ? { version: last.version, parts: { ...last.parts, [teamId]: row.teamVersion } } : null,
    );
    const effective = effectiveRules(org.rules, row.rules);
    return {
      ...present(org),
      teamVersion: row.teamVersion,
      rules: effective.rules,
      sources: effective.sources,
    };
  });
}
