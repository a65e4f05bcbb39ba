import { z } from "zod";
import { name, uuid } from "./common";

export const teamBody = z.strictObject({ name });
export const teamMembersBody = z.strictObject({
  members: z.array(z.strictObject({ personId: uuid, role: z.enum(["lead", "member"]) })).max(1000),
});

export const teamParams = z.strictObject({ id: uuid });
export const updateTeamBody = z.strictObject({ name: name.optional() });

export const teamMemberView = z.object({ personId: z.string(), role: z.enum(["lead", "member"]) });
export const teamView = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  members: z.array(teamMemberView),
});
export type TeamMemberView = z.infer<typeof teamMemberView>;
export type TeamView = z.infer<typeof teamView>;
