import type { Deps } from "../../deps";
import { defineModule } from "../../platform/module";
import { flagEmptyAgendasJob } from "./agenda.jobs";
import { registerAgendaRoutes } from "./agenda.routes";
import { registerEscalationRoutes } from "./escalation.routes";
import { registerMeetingRoutes } from "./meetings.routes";
import { registerOutcomeRoutes } from "./outcomes.routes";

export { addAgendaItem, updateAgendaItem } from "./agenda.service";
export { BUILT_IN_TEMPLATES } from "./agenda.templates";
export { completeMeeting } from "./complete.service";
export { createMeeting } from "./create.service";
export { answerMeeting } from "./meetings.service";
export { actionItems, meetingAttendees, meetings } from "./meetings.table";
export { saveNotes, savePrivateNotes } from "./notes.service";
export { addActionItem, addDecision, updateActionItem } from "./outcomes.service";
export { rateMeeting } from "./rating.service";

export const meetingsModule = defineModule<Deps>({
  name: "meetings",
  routes: [registerMeetingRoutes, registerAgendaRoutes, registerOutcomeRoutes, registerEscalationRoutes],
  jobs: [flagEmptyAgendasJob],
});
