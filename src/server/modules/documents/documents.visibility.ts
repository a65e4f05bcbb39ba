import { eq, or, type SQL, sql } from "drizzle-orm";
import { teamMembers } from "../teams/teams.table";
import { documentAudience, documents } from "./documents.table";

/**
 * The one condition for "this person may read this document", as SQL over `documents` (`personId`
 * a value or a column): its owner, and the people it is shared with — the organisation, a member of
 * its team, or named. No role reads more (a document shared with named people is theirs), so
 * `documentFor`, the list, a pre-read picker, "used in" and search all ask this.
 */
export function documentVisibleTo(personId: string | SQL): SQL {
  return or(
    eq(documents.ownerId, personId),
    eq(documents.audienceOrganisation, true),
    sql`exists (select 1 from ${teamMembers} where ${teamMembers.teamId} = ${documents.audienceTeamId} and ${teamMembers.personId} = ${personId})`,
    sql`exists (select 1 from ${documentAudience} where ${documentAudience.documentId} = ${documents.id} and ${documentAudience.personId} = ${personId})`,
  ) as SQL;
}
