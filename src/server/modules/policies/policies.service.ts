import { acknowledgementCreated } from "../../../contracts/events";
import { rolesFor } from "../../../core/access";
import { diffLines } from "../../../core/agreement";
import type { Deps } from "../../deps";
import { invalid } from "../../platform/errors";
import { type Actor, authorize } from "../../platform/http/actor";
import { renderMarkdown } from "../../platform/markdown";
import {
  acknowledge,
  acknowledgeAsPublisher,
  appendVersion,
  compliance,
  latestOfEach,
  listVersions,
  notAcknowledged,
  standingOf,
} from "../versioning";
import { announcePolicyVersion } from "./policies.notify";
import { latestPolicyVersion, policyDocument, type VersionRow } from "./policies.repo";
import { policies } from "./policies.table";
import { POLICY_TEMPLATES } from "./templates";

const present = (policyId: string, v: VersionRow) => ({
  id: policyId,
  title: v.title,
  body: v.body,
  html: renderMarkdown(v.body),
  version: v.version,
  changeSummary: v.changeSummary,
  publishedAt: v.publishedAt.toISOString(),
  publishedBy: v.publishedBy,
});

export const listTemplates = () => POLICY_TEMPLATES.map(({ id, title, summary }) => ({ id, title, summary }));

export async function createPolicy(
  deps: Deps,
  actor: Actor,
  input: { templateId?: string | undefined; title: string; body?: string | undefined },
) {
  authorize(actor, "policies.create");
  const template = input.templateId ? POLICY_TEMPLATES.find((t) => t.id === input.templateId) : undefined;
  if (input.templateId && !template)
    throw invalid("templateId", `is not one of ${POLICY_TEMPLATES.map((t) => t.id).join(", ")}`);
  const body = input.body ?? template?.body;
  if (body === undefined) throw invalid("body", "give a body, or a templateId to start from");
  return deps.db.transaction(async (tx) => {
    const [policy] = await tx
      .insert(policies)
      .values({ organisationId: actor.organisationId, templateId: template?.id ?? null })
      .returning();
    if (!policy) throw new Error("insert returned no row");
    const ref = { organisationId: actor.organisationId, documentId: policy.id };
    const row = await appendVersion(tx, policyDocument.versions, ref, (_, version) => ({
      organisationId: actor.organisationId,
      policyId: policy.id,
      version,
      title: input.title,
      body,
      changeSummary: template ? `Created from the ${template.title} template` : "Created",
      publishedBy: actor.personId,
    }));
    await acknowledgeAsPublisher(tx, policyDocument, ref, actor.personId, () => ({ version: row.version }));
    await announcePolicyVersion(tx, deps, actor, row);
    return present(policy.id, row);
  });
}

export async function listPolicies(deps: Deps, actor: Actor) {
  const latest = await latestOfEach(deps.db, policyDocument.versions, actor.organisationId);
  return latest.map((v) => present(v.policyId, v)).sort((a, b) => a.title.localeCompare(b.title));
}

/** The current version, with what changed since the version the reader last acknowledged. */
export async function getPolicy(deps: Deps, actor: Actor, id: string) {
  const ref = { organisationId: actor.organisationId, documentId: id };
  const standing = await standingOf(deps.db, policyDocument, ref, actor.personId);
  const { latest } = standing;
  const sinceAcknowledged = standing.upToDate
    ? null
    : standing.last && standing.read
      ? { sinceVersion: standing.last.version, lines: diffLines(standing.read.body, latest.body) }
      : { sinceVersion: null, lines: [] };
  return { ...present(id, latest), sinceAcknowledged };
}

export async function listPolicyVersions(deps: Deps, actor: Actor, id: string) {
  await latestPolicyVersion(deps.db, actor.organisationId, id);
  const rows = await listVersions(deps.db, policyDocument.versions, {
    organisationId: actor.organisationId,
    documentId: id,
  });
  return rows.map((v) => present(id, v));
}

export async function updatePolicy(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { title?: string | undefined; body: string; changeSummary?: string | undefined },
) {
  return deps.db.transaction(async (tx) => {
    // 404 for another organisation's policy before 403 for a role that may not edit.
    const current = await latestPolicyVersion(tx, actor.organisationId, id);
    authorize(actor, "policies.edit");
    const ref = { organisationId: actor.organisationId, documentId: id };
    const row = await appendVersion(tx, policyDocument.versions, ref, (latest, version) => ({
      organisationId: actor.organisationId,
      policyId: id,
      version,
      title: input.title ?? (latest ?? current).title,
      body: input.body,
      changeSummary: input.changeSummary ?? "Updated",
      publishedBy: actor.personId,
    }));
    await acknowledgeAsPublisher(tx, policyDocument, ref, actor.personId, () => ({ version: row.version }));
    await announcePolicyVersion(tx, deps, actor, row);
    return present(id, row);
  });
}

export async function acknowledgePolicy(deps: Deps, actor: Actor, id: string, version: number) {
  await deps.db.transaction(async (tx) => {
    const ref = { organisationId: actor.organisationId, documentId: id };
    await acknowledge(tx, policyDocument, ref, actor.personId, version);
    await deps.events.publish(
      tx,
      acknowledgementCreated(actor.organisationId, id, rolesFor("acknowledgements.read")),
    );
  });
  return { policyId: id, version };
}

export async function policyCompliance(deps: Deps, actor: Actor, id: string) {
  // 404 for another organisation's policy before 403 for a role that may not see compliance.
  await latestPolicyVersion(deps.db, actor.organisationId, id);
  authorize(actor, "acknowledgements.read");
  return compliance(deps.db, policyDocument, { organisationId: actor.organisationId, documentId: id });
}

/** Policies whose current version the caller has not acknowledged. */
export async function myPendingPolicies(deps: Deps, actor: Actor) {
  const all = await listPolicies(deps, actor);
  const pending = await notAcknowledged(
    deps.db,
    policyDocument.acknowledgements,
    actor.organisationId,
    actor.personId,
    all,
  );
  return pending.map((p) => ({ id: p.id, title: p.title, version: p.version }));
}
