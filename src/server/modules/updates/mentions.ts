import { and, eq, sql } from "drizzle-orm";
import { mentionSnippets, pickMentions } from "../../../core/updates/mentions";
import type { Executor } from "../../platform/db/types";
import { people } from "../people/people.table";

/**
 * The active people of the organisation that `markdown` mentions (`@Priya Shah`), by the start of
 * the text after each `@`: one query for the candidates whose name starts a snippet.
 */
export async function mentionedIn(db: Executor, organisationId: string, markdown: string): Promise<string[]> {
  const snippets = mentionSnippets(markdown).map((s) => s.toLocaleLowerCase());
  if (snippets.length === 0) return [];
  const candidates = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(
      and(
        eq(people.organisationId, organisationId),
        eq(people.active, true),
        sql`exists (select 1 from unnest(${sql.param(snippets)}::text[]) as s(t) where left(s.t, length(${people.name})) = lower(${people.name}))`,
      ),
    );
  return pickMentions(snippets, candidates);
}
