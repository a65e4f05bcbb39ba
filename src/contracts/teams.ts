import { z } from "zod";
import { name, uuid } from "./common";

export const teamBody = z.strictObject({ name });
export const teamMembersBody = z.strictObject({
  members: z.array(z.strictObject({ personId: uuid, role: z.enum(["lead", "member"]) })).max(1000),
});

export const teamParams = z.strictObject({ id: uuid });
export const updateTeamBody = z.strictObject({ name: name.optional() });
