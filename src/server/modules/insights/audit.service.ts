import type { z } from "zod";
import type { MeetingAuditView, meetingAuditQuery } from "../../../contracts/insights";
import type { Deps } from "../../deps";
import type { Actor } from "../../platform/http/actor";

export async function meetingAudit(
  deps: Deps,
  actor: Actor,
  query: z.output<typeof meetingAuditQuery>,
): Promise<MeetingAuditView> {
  void deps;
  void actor;
  void query;
  throw new Error("not built yet");
}
