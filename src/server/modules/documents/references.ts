import { and, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import type { Actor } from "../../platform/http/actor";
import { type ReferenceMap, referencesIn, wikiKey } from "../../platform/markdown";
import { meetings } from "../meetings/meetings.table";
import { meetingVisibleTo } from "../meetings/meetings.visibility";
import { updates } from "../updates/updates.table";
import { visibleTo as updateVisibleTo } from "../updates/updates.visibility";
import { documents } from "./documents.table";
import { documentVisibleTo } from "./documents.visibility";

/** What `[[Title]]` and pasted Tandem links in some markdown point at, for the renderer. */
export type References = ReferenceMap;

type Kind = "docs" | "updates" | "meetings";
const KINDS: readonly Kind[] = ["docs", "updates", "meetings"];

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
/** A page of ours: /docs/:id, /updates/:id or /meetings/:id, nothing after the id but a query or fragment. */
const PAGE = new RegExp(`^/(docs|updates|meetings)/(${UUID})/?(?:[?#].*)?$`, "i");

/**
 * The page an address names, relative (`/docs/…`) or absolute on this instance's public address
 * (same origin, under its path); anything else — another site, a look-alike host — is not ours.
 */
export function pageOf(href: string, publicUrl: string): { kind: Kind; id: string } | undefined {
  let path: string | undefined;
  if (href.startsWith("/") && !href.startsWith("//")) path = href;
  else {
    try {
      const url = new URL(href);
      const base = new URL(publicUrl);
      const prefix = base.pathname.replace(/\/$/, "");
      if (url.origin === base.origin && url.pathname.startsWith(`${prefix}/`))
        path = url.pathname.slice(prefix.length) + url.search + url.hash;
    } catch {
      return undefined;
    }
  }
  const match = path ? PAGE.exec(path) : null;
  if (!match) return undefined;
  return { kind: (match[1] ?? "").toLowerCase() as Kind, id: (match[2] ?? "").toLowerCase() };
}

/** The current titles of the pages of one kind the actor may open, among `ids` (one query). */
async function titlesOf(db: Executor, actor: Actor, kind: Kind, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const table = { docs: documents, updates, meetings }[kind];
  const visible: Record<Kind, SQL> = {
    docs: documentVisibleTo(actor.personId),
    updates: updateVisibleTo(actor.personId),
    meetings: meetingVisibleTo(actor.personId),
  };
  const rows = await db
    .select({ id: table.id, title: table.title })
    .from(table)
    .where(and(eq(table.organisationId, actor.organisationId), inArray(table.id, ids), visible[kind]));
  return new Map(rows.map((r) => [r.id, r.title]));
}

/**
 * For each `[[Title]]`, the document the actor may read with that title (case-insensitive, trimmed;
 * of several, the one edited last), in one query: the wanted titles are a VALUES list joined on
 * `lower(title)` (the title index), DISTINCT ON the title as written.
 */
async function documentsTitled(db: Executor, actor: Actor, titles: string[]) {
  if (titles.length === 0) return [];
  const wanted = sql`(values ${sql.join(
    titles.map((t) => sql`(${t}::text)`),
    sql`, `,
  )}) as wanted(name)`;
  const name = sql<string>`wanted.name`;
  return db
    .selectDistinctOn([name], { name, id: documents.id, title: documents.title })
    .from(documents)
    .innerJoin(wanted, sql`lower(${documents.title}) = lower(btrim(wanted.name))`)
    .where(and(eq(documents.organisationId, actor.organisationId), documentVisibleTo(actor.personId)))
    .orderBy(name, desc(documents.updatedAt), desc(documents.id));
}

/**
 * Finds `[[Document title]]` and pasted Tandem links (…/docs/:id, /updates/:id, /meetings/:id,
 * relative or on `publicUrl`) in `sources` and resolves those the actor may open to their current
 * titles, at most four queries whatever the number of sources. What the actor may not open is left
 * out, so it renders as written (a missing `[[…]]`, the bare address) and no title leaks.
 */
export async function resolveReferences(
  db: Executor,
  actor: Actor,
  sources: readonly string[],
  publicUrl: string,
): Promise<References> {
  const titles = new Set<string>();
  const pages = new Map<string, { kind: Kind; id: string }>();
  for (const source of sources) {
    if (!source.includes("[[") && !source.includes("/")) continue;
    const found = referencesIn(source);
    for (const title of found.titles) titles.add(title);
    for (const href of found.hrefs) {
      const page = pageOf(href, publicUrl);
      if (page) pages.set(href, page);
    }
  }
  const idsOf = (kind: Kind) => [
    ...new Set([...pages.values()].filter((p) => p.kind === kind).map((p) => p.id)),
  ];
  const [named, ...byKind] = await Promise.all([
    documentsTitled(db, actor, [...titles]),
    ...KINDS.map((kind) => titlesOf(db, actor, kind, idsOf(kind))),
  ]);
  const references = new Map<string, { href: string; title: string }>();
  for (const d of named) references.set(wikiKey(d.name), { href: `/docs/${d.id}`, title: d.title });
  for (const [href, page] of pages) {
    const title = byKind[KINDS.indexOf(page.kind)]?.get(page.id);
    if (title !== undefined) references.set(href, { href: `/${page.kind}/${page.id}`, title });
  }
  return references;
}
