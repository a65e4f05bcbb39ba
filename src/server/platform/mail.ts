import { createTransport } from "nodemailer";

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  /** Extra headers, such as `List-Unsubscribe: <https://…/settings/notifications>`. */
  headers?: Record<string, string> | undefined;
}

/** Sends email over SMTP; absent when SMTP_URL is unset (mail then stays in the outbox). */
export interface Mailer {
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

export function createMailer(config: { smtpUrl: string | undefined; smtpFrom: string }): Mailer | undefined {
  if (!config.smtpUrl) return undefined;
  const transport = createTransport(config.smtpUrl, { from: config.smtpFrom });
  return {
    async send(email) {
      await transport.sendMail(email);
    },
    close() {
      transport.close();
    },
  };
}
