import type { z } from "zod";
import type { AudienceInput, audienceView } from "../../contracts/updates";
import { oneOf, stringsOf } from "./kept-draft";

/** Who an update or a document is for, as its form asks it: one choice, then the team or the people. */
export interface AudienceForm {
  audience: (typeof AUDIENCES)[number];
  teamId: string | null;
  personIds: string[];
}

export const AUDIENCES = ["organisation", "team", "people"] as const;

/** The API's audience; a team not chosen yet goes as `{}`, so the server names what is missing. */
export function audienceInput(form: AudienceForm): AudienceInput {
  if (form.audience === "organisation") return { organisation: true };
  if (form.audience === "team") return form.teamId ? { teamId: form.teamId } : {};
  return { personIds: form.personIds };
}

/** The audience of a draft kept in the browser, field by field (an unknown choice is the organisation). */
export const keptAudience = (kept: Record<string, unknown>): AudienceForm => ({
  audience: oneOf(AUDIENCES, kept.audience, "organisation"),
  teamId: typeof kept.teamId === "string" ? kept.teamId : null,
  personIds: stringsOf(kept.personIds),
});

/**
 * Who it is for, in a few words: "Everyone", "Platform", "Priya Shah, Kenji Sato and 3 more" (past
 * `names` people); `nobody` when none of them (an update's "Nobody", a document's "Only the owner").
 */
export function audienceText(audience: z.infer<typeof audienceView>, nobody: string, names = 2): string {
  const parts: string[] = [];
  if (audience.organisation) parts.push("Everyone");
  if (audience.teamName) parts.push(audience.teamName);
  const people = audience.people.map((p) => p.name);
  if (people.length > 0) {
    const shown = people.slice(0, names);
    const more = people.length - shown.length;
    parts.push(more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", "));
  }
  return parts.join(" · ") || nobody;
}

/**
 * An audience as its form shows it, to edit: the organisation, else the team when nobody is named,
 * else the named people. (A team together with named people shows as the people: a form that changes
 * it sends its one choice; one left untouched sends nothing.)
 */
export function audienceFormOf(audience: z.infer<typeof audienceView>): AudienceForm {
  const personIds = audience.people.map((p) => p.personId);
  if (audience.organisation) return { audience: "organisation", teamId: audience.teamId, personIds };
  if (audience.teamId && personIds.length === 0)
    return { audience: "team", teamId: audience.teamId, personIds };
  return { audience: "people", teamId: audience.teamId, personIds };
}
