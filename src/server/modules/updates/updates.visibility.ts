import { eq, or, type SQL, sql } from "drizzle-orm";
import { teamMembers } from "../teams/teams.table";
import { updateAudience, updateResponders, updates } from "./updates.table";

/**
 * The one condition for "addressed to this person" (or written by them), as SQL over `updates`
 * (`personId` a value, or a column of the query): the feed, the thread (`updateFor`), the decision
 * log, a document's "used in" and search all use it, so a list never shows what opening it would refuse.
 */
export function visibleTo(personId: string | SQL): SQL {
  return or(
    eq(updates.authorId, personId),
    eq(updates.audienceOrganisation, true),
    sql`exists (select 1 from ${teamMembers} where ${teamMembers.teamId} = ${updates.audienceTeamId} and ${teamMembers.personId} = ${personId})`,
    sql`exists (select 1 from ${updateAudience} where ${updateAudience.updateId} = ${updates.id} and ${updateAudience.personId} = ${personId})`,
    sql`exists (select 1 from ${updateResponders} where ${updateResponders.updateId} = ${updates.id} and ${updateResponders.personId} = ${personId})`,
  ) as SQL;
}
