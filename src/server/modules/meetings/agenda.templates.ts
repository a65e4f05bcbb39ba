import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { MeetingKind } from "../../../contracts/agreement";
import type { AgendaItemInput, TemplateView, templateBody } from "../../../contracts/meetings";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { conflict, notFound } from "../../platform/errors";
import { type Actor, authorize } from "../../platform/http/actor";
import { teamMembers } from "../teams";
import { meetingTemplateItems, meetingTemplates } from "./meetings.table";

type TemplateItem = TemplateView["agenda"][number];
const item = (title: string, minutes: number, outcome: TemplateItem["outcome"]): TemplateItem => ({
  title,
  minutes,
  outcome,
});

/** The templates every organisation has; fixed ids, so `templateId` names one in any organisation. */
export const BUILT_IN_TEMPLATES: readonly TemplateView[] = [
  {
    id: "00000000-0000-4000-8000-000000000101",
    name: "One-to-one",
    kind: "one_to_one",
    builtIn: true,
    agenda: [
      item("Check-in: how are you, really?", 5, "discuss"),
      item("Your topics", 10, "discuss"),
      item("My topics", 5, "discuss"),
      item("Growth and support", 5, "discuss"),
      item("Agree next steps", 5, "decide"),
    ],
  },
  {
    id: "00000000-0000-4000-8000-000000000102",
    name: "Performance review",
    kind: "performance_review",
    builtIn: true,
    agenda: [
      item("Looking back: what went well", 15, "discuss"),
      item("What to do differently", 15, "discuss"),
      item("Feedback both ways", 10, "discuss"),
      item("Goals for the next period", 15, "decide"),
      item("Support needed and next steps", 5, "decide"),
    ],
  },
  {
    id: "00000000-0000-4000-8000-000000000103",
    name: "Weekly team",
    kind: null,
    builtIn: true,
    agenda: [
      item("Blockers: where do we need each other?", 15, "discuss"),
      item("Priorities for the week", 15, "decide"),
      item("Decisions waiting on the team", 10, "decide"),
      item("Anything else", 5, "discuss"),
    ],
  },
  {
    id: "00000000-0000-4000-8000-000000000104",
    name: "Planning",
    kind: "planning",
    builtIn: true,
    agenda: [
      item("Goal and constraints", 10, "discuss"),
      item("Options and estimates", 20, "discuss"),
      item("Priorities and scope", 20, "decide"),
      item("Owners and dates", 10, "decide"),
    ],
  },
  {
    id: "00000000-0000-4000-8000-000000000105",
    name: "Decision",
    kind: "decision",
    builtIn: true,
    agenda: [
      item("The question, and why now", 5, "discuss"),
      item("Options and trade-offs", 15, "discuss"),
      item("Decide, and record who does what", 10, "decide"),
    ],
  },
  {
    id: "00000000-0000-4000-8000-000000000106",
    name: "Retrospective",
    kind: null,
    builtIn: true,
    agenda: [
      item("What went well", 15, "discuss"),
      item("What did not", 15, "discuss"),
      item("Ideas to try", 15, "discuss"),
      item("Pick actions and their owners", 15, "decide"),
    ],
  },
];

/** The organisation's saved templates with their items, by name. */
async function savedTemplates(db: Executor, organisationId: string, id?: string): Promise<TemplateView[]> {
  const rows = await db
    .select()
    .from(meetingTemplates)
    .where(
      and(
        eq(meetingTemplates.organisationId, organisationId),
        id === undefined ? undefined : eq(meetingTemplates.id, id),
      ),
    )
    .orderBy(asc(sql`lower(${meetingTemplates.name})`));
  if (rows.length === 0) return [];
  const items = await db
    .select()
    .from(meetingTemplateItems)
    .where(
      and(
        eq(meetingTemplateItems.organisationId, organisationId),
        inArray(
          meetingTemplateItems.templateId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .orderBy(asc(meetingTemplateItems.position));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    builtIn: false,
    agenda: items
      .filter((i) => i.templateId === row.id)
      .map((i) => ({ title: i.title, minutes: i.minutes, outcome: i.outcome })),
  }));
}

export async function listTemplates(deps: Deps, actor: Actor): Promise<TemplateView[]> {
  return [...BUILT_IN_TEMPLATES, ...(await savedTemplates(deps.db, actor.organisationId))];
}

/** A template's agenda as items to add to a meeting; 404 "Template not found" for an unknown id. */
export async function templateAgenda(
  db: Executor,
  organisationId: string,
  templateId: string,
): Promise<AgendaItemInput[]> {
  const template =
    BUILT_IN_TEMPLATES.find((t) => t.id === templateId) ??
    (await savedTemplates(db, organisationId, templateId))[0];
  if (!template) throw notFound("Template");
  return template.agenda.map((i) => ({
    title: i.title,
    outcome: i.outcome,
    ...(i.minutes === null ? {} : { minutes: i.minutes }),
  }));
}

/** `leadOf` for templates: the actor leads at least one team. */
async function leadsATeam(db: Executor, actor: Actor): Promise<boolean> {
  const [lead] = await db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(
      and(
        eq(teamMembers.organisationId, actor.organisationId),
        eq(teamMembers.personId, actor.personId),
        eq(teamMembers.role, "lead"),
      ),
    )
    .limit(1);
  return lead !== undefined;
}

const duplicate = (name: string) =>
  conflict(`A template named "${name}" already exists; choose another name`);

/** Saves a template for the organisation (admins, or a lead of any team); a name in use answers 409. */
export async function createTemplate(
  deps: Deps,
  actor: Actor,
  input: z.infer<typeof templateBody>,
): Promise<TemplateView> {
  authorize(actor, "meetingTemplates.create", { leadOf: await leadsATeam(deps.db, actor) });
  const name = input.name.trim();
  if (BUILT_IN_TEMPLATES.some((t) => t.name.toLowerCase() === name.toLowerCase())) throw duplicate(name);
  const kind: MeetingKind | null = input.kind ?? null;
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(meetingTemplates)
      .values({ organisationId: actor.organisationId, name, kind, createdBy: actor.personId })
      .onConflictDoNothing()
      .returning();
    if (!row) throw duplicate(name);
    await tx.insert(meetingTemplateItems).values(
      input.agenda.map((i, position) => ({
        templateId: row.id,
        organisationId: actor.organisationId,
        position,
        title: i.title,
        minutes: i.minutes ?? null,
        outcome: i.outcome,
      })),
    );
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      builtIn: false,
      agenda: input.agenda.map((i) => ({ title: i.title, minutes: i.minutes ?? null, outcome: i.outcome })),
    };
  });
}
