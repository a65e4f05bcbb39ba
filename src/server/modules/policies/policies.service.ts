import { and, desc, eq, inArray } from "drizzle-orm";
import { acknowledgementCreated } from "../../../contracts/events";
import type { Deps } from "../../deps";
import { versionRace } from "../../platform/db/errors";
import type { Executor } from "../../platform/db/types";
import { conflict, invalid, notFound } from "../../platform/errors";
import { type Actor, requireRole } from "../../platform/http/actor";
import { renderMarkdown } from "../../platform/markdown";
import { complianceView, invitedPersonIds } from "../agreement";
import { activePersonIds } from "../people";
import { policyChangesSinceAcknowledged } from "./policies.since-acknowledged";
import { policies, policyAcknowledgements, policyVersions } from "./policies.table";
import { POLICY_TEMPLATES } from "./templates";

type VersionRow = typeof policyVersions.$inferSelect;

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

async function latestVersion(
  executor: Executor,
  organisationId: string,
  policyId: string,
): Promise<VersionRow> {
  const [row] = await executor
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.organisationId, organisationId), eq(policyVersions.policyId, policyId)))
    .orderBy(desc(policyVersions.version))
    .limit(1);
  if (!row) throw notFound("Policy");
  return row;
}

export async function createPolicy(
  deps: Deps,
  actor: Actor,
  input: { templateId?: string | undefined; title: string; body?: string | undefined },
) {
  requireRole(actor, ["admin", "hr"], "create policies");
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
    const [version] = await tx
      .insert(policyVersions)
      .values({
        organisationId: actor.organisationId,
        policyId: policy.id,
        version: 1,
        title: input.title,
        body,
        changeSummary: template ? `Created from the ${template.title} template` : "Created",
        publishedBy: actor.personId,
      })
      .returning();
    if (!version) throw new Error("insert returned no row");
    await acknowledgeAsPublisher(tx, actor, policy.id, 1);
    return present(policy.id, version);
  });
}

export async function listPolicies(deps: Deps, actor: Actor) {
  const rows = await deps.db
    .select()
    .from(policyVersions)
    .where(eq(policyVersions.organisationId, actor.organisationId))
    .orderBy(desc(policyVersions.version));
  const latest = new Map<string, VersionRow>();
  for (const r of rows) if (!latest.has(r.policyId)) latest.set(r.policyId, r);
  return [...latest].map(([id, v]) => present(id, v)).sort((a, b) => a.title.localeCompare(b.title));
}

/** The current version, with what changed since the version the reader last acknowledged. */
export async function getPolicy(deps: Deps, actor: Actor, id: string) {
  const current = await latestVersion(deps.db, actor.organisationId, id);
  const sinceAcknowledged = await policyChangesSinceAcknowledged(
    deps.db,
    actor.organisationId,
    actor.personId,
    current,
  );
  return { ...present(id, current), sinceAcknowledged };
}

export async function listPolicyVersions(deps: Deps, actor: Actor, id: string) {
  await latestVersion(deps.db, actor.organisationId, id);
  const rows = await deps.db
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.organisationId, actor.organisationId), eq(policyVersions.policyId, id)))
    .orderBy(desc(policyVersions.version));
  return rows.map((v) => present(id, v));
}

export async function updatePolicy(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { title?: string | undefined; body: string; changeSummary?: string | undefined },
) {
  return versionRace(
    () =>
      deps.db.transaction(async (tx) => {
        const current = await latestVersion(tx, actor.organisationId, id);
        requireRole(actor, ["admin", "hr"], "edit policies");
        const [row] = await tx
          .insert(policyVersions)
          .values({
            organisationId: actor.organisationId,
            policyId: id,
            version: current.version + 1,
            title: input.title ?? current.title,
            body: input.body,
            changeSummary: input.changeSummary ?? "Updated",
            publishedBy: actor.personId,
          })
          .returning();
        if (!row) throw new Error("insert returned no row");
        await acknowledgeAsPublisher(tx, actor, id, row.version);
        return present(id, row);
      }),
    "this policy",
  );
}

/** Whoever publishes a policy version has read it: acknowledged inside the publishing transaction. */
async function acknowledgeAsPublisher(executor: Executor, actor: Actor, policyId: string, version: number) {
  await executor
    .insert(policyAcknowledgements)
    .values({ organisationId: actor.organisationId, policyId, personId: actor.personId, version })
    .onConflictDoNothing();
}

export async function acknowledgePolicy(deps: Deps, actor: Actor, id: string, version: number) {
  const current = await latestVersion(deps.db, actor.organisationId, id);
  if (version !== current.version) {
    throw conflict(`Version ${current.version} is the current one; read it, then acknowledge it`, {
      current: current.version,
    });
  }
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(policyAcknowledgements)
      .values({ organisationId: actor.organisationId, policyId: id, personId: actor.personId, version })
      .onConflictDoNothing();
    await deps.events.publish(tx, acknowledgementCreated(actor.organisationId, id));
  });
  return { policyId: id, version };
}

export async function policyCompliance(deps: Deps, actor: Actor, id: string) {
  const current = await latestVersion(deps.db, actor.organisationId, id);
  requireRole(actor, ["admin", "hr"], "see acknowledgement compliance");
  const [everyone, invited, acks] = await Promise.all([
    activePersonIds(deps.db, actor.organisationId),
    invitedPersonIds(deps.db, actor.organisationId),
    deps.db
      .select()
      .from(policyAcknowledgements)
      .where(
        and(
          eq(policyAcknowledgements.organisationId, actor.organisationId),
          eq(policyAcknowledgements.policyId, id),
          eq(policyAcknowledgements.version, current.version),
        ),
      ),
  ]);
  const done = new Map(acks.map((a) => [a.personId, a.acknowledgedAt]));
  return complianceView(current.version, everyone, done, invited);
}

/** Policies whose current version the caller has not acknowledged. */
export async function myPendingPolicies(deps: Deps, actor: Actor) {
  const all = await listPolicies(deps, actor);
  if (all.length === 0) return [];
  const acks = await deps.db
    .select()
    .from(policyAcknowledgements)
    .where(
      and(
        eq(policyAcknowledgements.organisationId, actor.organisationId),
        eq(policyAcknowledgements.personId, actor.personId),
        inArray(
          policyAcknowledgements.policyId,
          all.map((p) => p.id),
        ),
      ),
    );
  const done = new Set(acks.map((a) => `${a.policyId}:${a.version}`));
  return all
    .filter((p) => !done.has(`${p.id}:${p.version}`))
    .map((p) => ({ id: p.id, title: p.title, version: p.version }));
}
