import { DEFAULT_RULES, type Rules, type TeamRules } from "../../../contracts/agreement";
import { diffRules, effectiveRules, loosenedRules } from "../../../core/agreement";
import type { Deps } from "../../deps";
import { versionRace } from "../../platform/db/errors";
import type { Executor } from "../../platform/db/types";
import { AppError, conflict, notFound } from "../../platform/errors";
import { type Actor, requireRole } from "../../platform/http/actor";
import { renderMarkdown } from "../../platform/markdown";
import { assertMayEditTeam, getTeamRow } from "../teams";
import { DEFAULT_SECTIONS } from "./agreement.defaults";
import {
  type AgreementRow,
  currentOrgVersion,
  currentTeamVersion,
  latestAcknowledgementOf,
  listOrgVersions,
  orgVersion,
} from "./agreement.repo";
import {
  agreementAcknowledgements,
  agreementVersions,
  type Section,
  teamAgreementVersions,
} from "./agreement.table";
import { diffSections } from "./sections";

/** Version 1 of a new organisation's agreement: the defaults of PRODUCT.md C2. */
export async function createDefaultAgreement(executor: Executor, organisationId: string, personId: string) {
  await executor.insert(agreementVersions).values({
    organisationId,
    version: 1,
    rules: DEFAULT_RULES,
    sections: DEFAULT_SECTIONS,
    changeSummary: "The default agreement",
    publishedBy: personId,
  });
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

export async function publishAgreement(
  deps: Deps,
  actor: Actor,
  body: { rules: Partial<Rules>; sections?: Section[] | undefined; changeSummary: string },
) {
  requireRole(actor, ["admin", "hr"], "publish the agreement");
  return versionRace(
    () =>
      deps.db.transaction(async (tx) => {
        const current = await currentOrgVersion(tx, actor.organisationId);
        const [row] = await tx
          .insert(agreementVersions)
          .values({
            organisationId: actor.organisationId,
            version: current.version + 1,
            rules: { ...current.rules, ...body.rules },
            sections: body.sections ?? current.sections,
            changeSummary: body.changeSummary,
            publishedBy: actor.personId,
          })
          .returning();
        if (!row) throw new Error("insert returned no row");
        await acknowledgeAsPublisher(tx, actor, (last) => ({
          version: row.version,
          teamVersions: last?.teamVersions ?? {},
        }));
        return { ...present(row), sources: effectiveRules(row.rules).sources };
      }),
    "the agreement",
  );
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
  return versionRace(
    () =>
      deps.db.transaction(async (tx) => {
        await getTeamRow(tx, actor.organisationId, teamId);
        await assertMayEditTeam(tx, actor, teamId, ["admin"]); // issue 4: team leads and admins
        const org = await currentOrgVersion(tx, actor.organisationId);
        const loose = loosenedRules(org.rules, body.rules);
        if (loose.length > 0) {
          throw new AppError(
            "validation_failed",
            loose.map((l) => `rules.${l.rule}: ${l.message}`).join("; "),
            {
              fields: loose.map((l) => ({ path: `rules.${l.rule}`, message: l.message })),
            },
          );
        }
        const current = await currentTeamVersion(tx, actor.organisationId, teamId);
        const [row] = await tx
          .insert(teamAgreementVersions)
          .values({
            organisationId: actor.organisationId,
            teamId,
            teamVersion: (current?.teamVersion ?? 0) + 1,
            rules: body.rules,
            changeSummary: body.changeSummary ?? "Team agreement updated",
            publishedBy: actor.personId,
          })
          .returning();
        if (!row) throw new Error("insert returned no row");
        await acknowledgeAsPublisher(tx, actor, (last) =>
          last
            ? { version: last.version, teamVersions: { ...last.teamVersions, [teamId]: row.teamVersion } }
            : null,
        );
        const effective = effectiveRules(org.rules, row.rules);
        return {
          ...present(org),
          teamVersion: row.teamVersion,
          rules: effective.rules,
          sources: effective.sources,
        };
      }),
    "the team agreement",
  );
}

type Acknowledgement = Pick<typeof agreementAcknowledgements.$inferSelect, "version" | "teamVersions">;

/**
 * Whoever publishes a version has read it: in the publishing transaction, their latest acknowledgement
 * is extended by what they published (`next` gets that acknowledgement, or null when there is none, and
 * returns the new one, or null when there is nothing they can be said to have read in full).
 */
async function acknowledgeAsPublisher(
  tx: Executor,
  actor: Actor,
  next: (last: Acknowledgement | null) => Acknowledgement | null,
) {
  const acknowledgement = next(await latestAcknowledgementOf(tx, actor.organisationId, actor.personId));
  if (!acknowledgement) return;
  await tx
    .insert(agreementAcknowledgements)
    .values({ organisationId: actor.organisationId, personId: actor.personId, ...acknowledgement });
}

export const staleVersion = (current: number) =>
  conflict(`Version ${current} is the current one; read it, then acknowledge version ${current}`, {
    current,
  });
