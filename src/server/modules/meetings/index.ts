import type { Deps } from "../../deps";
import { defineModule } from "../../platform/module";
import { registerAgendaRoutes } from "./agenda.routes";
import { registerMeetingRoutes } from "./meetings.routes";
import { registerOutcomeRoutes } from "./outcomes.routes";

export { actionItems, meetingAttendees, meetings } from "./meetings.table";

export const meetingsModule = defineModule<Deps>({
  name: "meetings",
  routes: [registerMeetingRoutes, registerAgendaRoutes, registerOutcomeRoutes],
  jobs: [],
});
