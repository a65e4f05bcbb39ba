export { importPeople } from "./import.service";
export { createInvitation, type InvitationSender, type Invitee } from "./invitations";
export { acceptInvitation, listInvitations, resendInvitation } from "./invitations.service";
export { registerOnboardingRoutes } from "./onboarding.routes";
export { addInvitedPerson, invitePerson, loadSender } from "./onboarding.service";
