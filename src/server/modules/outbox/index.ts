export { registerOutboxRoutes } from "./outbox.routes";
export { deliverEmail, queueEmail, SEND_EMAIL_QUEUE, type SendEmailJob } from "./outbox.service";
export { outboxEmails } from "./outbox.table";
