import type { Deps } from "../../deps";
import { defineModule } from "../../platform/module";
import { importPeopleJob } from "./import.job";
import { registerOnboardingRoutes } from "./onboarding.routes";

export { type ImportPeopleJob, importPeopleJob, runImport } from "./import.job";
export { importPeople } from "./import.service";
export { createInvitation, type InvitationSender, type Invitee } from "./invitations";
export { acceptInvitation, listInvitations, resendInvitation } from "./invitations.service";
export { addInvitedPerson, invitePerson, loadSender } from "./onboarding.service";

export const onboardingModule = defineModule<Deps>({
  name: "onboarding",
  routes: [registerOnboardingRoutes],
  jobs: [importPeopleJob],
});
