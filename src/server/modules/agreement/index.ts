import { z } from "zod";
import type { Deps } from "../../deps";
import { defineJob } from "../../platform/job";
import { defineModule } from "../../platform/module";
import { AGREEMENT_REMINDERS_QUEUE, remindOverdueAcknowledgements } from "./acknowledgements.service";
import { registerAgreementRoutes } from "./agreement.routes";

export { adviseFor } from "./advice.service";
export {
  createDefaultAgreement,
  effectiveRulesOf,
  getAgreement,
  publishTeamAgreement,
} from "./agreement.service";
export { teamAgreementVersions } from "./agreement.table";

/** The hourly reminder sweep; idempotent, since reminders are recorded per person and version. */
export const agreementRemindersJob = defineJob({
  name: AGREEMENT_REMINDERS_QUEUE,
  payload: z.object({}),
  everyMinutes: 60,
  handle: (deps: Deps) => remindOverdueAcknowledgements(deps),
});

export const agreementModule = defineModule<Deps>({
  name: "agreement",
  routes: [registerAgreementRoutes],
  jobs: [agreementRemindersJob],
});
