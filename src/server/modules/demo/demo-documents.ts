import type { Deps } from "../../deps";
import { createDocument, putDraft, saveDocument } from "../documents";
import type { DemoCast } from "./demo-meetings";

const email = (first: string) => `${first}@northwind.example`;

const HANDBOOK = `Northwind works from London to Auckland. This page is how we keep that kind.

## Overlap hours
- **London ↔ New York**: 13:00–16:00 London time.
- **London ↔ Sydney**: 07:00–09:00 London time, never later.

## Write first
Status, questions and proposals go to the feed as updates. A meeting is for what needs us live;
its pre-reads come first (see [[Q1 planning brief]]).

Releases follow the [[Release checklist]].`;

const CHECKLIST = `1. Freeze on Tuesday evening (Sydney's Wednesday morning).
2. Run the full suite on the release branch.
3. Write the release note as an update to the organisation.
4. Release on Wednesday at 10:00 UTC; one person watches the dashboards for an hour.`;

const BRIEF = `## What we decide
- Which two themes of the onboarding survey we build for.
- Whether the pricing one-pager ships with the new plan.

## Read before
- The survey's top themes: speed, price, integrations.
- Platform's estimates (Arjun collects them).

Bring questions as comments here, so the meeting can be short.`;

/**
 * The demo's shared documents, written through the documents service as their people would: a
 * handbook page for everyone with two versions (its history shows a diff) and `[[…]]` links, a
 * release checklist for Platform attached to the release-train proposal, a planning brief for the
 * planning meeting's people (its pre-read), and a private pricing draft with Olivia's unsaved draft.
 * Answers the documents' ids by title, for the meetings and updates that use them.
 */
export async function seedDocuments(deps: Deps, cast: DemoCast): Promise<Map<string, string>> {
  const by = (first: string) => cast.actor(email(first));
  const ids = (...firsts: string[]) => firsts.map((f) => cast.id(email(f)));
  const handbook = await createDocument(deps, by("olivia"), {
    title: "How we work across time zones",
    body: HANDBOOK.replace("07:00–09:00 London time, never later.", "07:00–09:00 London time."),
    audience: { organisation: true },
    tags: ["handbook"],
  });
  await saveDocument(deps, by("marcus"), handbook.id, {
    body: HANDBOOK,
    baseVersion: handbook.version,
    summary: "Sydney's overlap never runs later than 09:00 London time",
  });
  const checklist = await createDocument(deps, by("arjun"), {
    title: "Release checklist",
    body: CHECKLIST,
    audience: { teamId: cast.teamId("Platform"), personIds: ids("olivia") },
    tags: ["release", "engineering"],
  });
  const brief = await createDocument(deps, by("olivia"), {
    title: "Q1 planning brief",
    body: BRIEF,
    audience: { personIds: ids("marcus", "elena", "rafael", "arjun") },
    tags: ["planning"],
  });
  const pricing = await createDocument(deps, by("olivia"), {
    title: "Pricing one-pager",
    body: "## The new plan\n\nFor teams of 5 to 50. Price to be decided.",
    audience: { personIds: ids("marcus") },
    tags: ["product"],
  });
  await putDraft(deps, by("olivia"), pricing.id, {
    title: pricing.title,
    body: `${pricing.body}\n\n## Why now\n\nThe survey's second theme is price.`,
    baseVersion: pricing.version,
  });
  return new Map([handbook, checklist, brief, pricing].map((d) => [d.title, d.id]));
}
