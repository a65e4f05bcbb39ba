import type { Deps } from "../../deps";
import { defineModule } from "../../platform/module";
import { registerOutboxRoutes } from "./outbox.routes";
import { sendEmailJob } from "./outbox.service";

export { deliverEmail, queueEmail, queueEmails, type SendEmailJob, sendEmailJob } from "./outbox.service";
export { outboxEmails } from "./outbox.table";

export const outboxModule = defineModule<Deps>({
  name: "outbox",
  routes: [registerOutboxRoutes],
  jobs: [sendEmailJob],
});
