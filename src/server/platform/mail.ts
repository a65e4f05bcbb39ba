import { createTransport, type SendMailOptions } from "nodemailer";

/** A file sent with an email, as text. */
export interface MailAttachment {
  filename: string;
  /** With parameters, e.g. "text/calendar; method=REQUEST; charset=UTF-8". */
  contentType: string;
  content: string;
}

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  /** Extra headers, such as `List-Unsubscribe: <https://…/settings/notifications>`. */
  headers?: Record<string, string> | undefined;
  /** A `text/calendar` one becomes an iTIP invitation calendar apps answer (at most one). */
  attachments?: MailAttachment[] | undefined;
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
      await transport.sendMail(mailOptions(email));
    },
    close() {
      transport.close();
    },
  };
}

const CALENDAR = /^text\/calendar\b/i;

/**
 * nodemailer's options: a calendar file goes as its `icalEvent` — a `text/calendar; method=…`
 * alternative part plus the same file attached — which is what makes Gmail and Outlook show
 * Accept/Decline; other files are plain attachments.
 */
function mailOptions({ attachments = [], ...email }: OutgoingEmail): SendMailOptions {
  const calendar = attachments.find((a) => CALENDAR.test(a.contentType));
  const others = attachments.filter((a) => a !== calendar);
  const method = calendar?.contentType.match(/;\s*method=([A-Za-z-]+)/i)?.[1];
  return {
    ...email,
    ...(calendar
      ? {
          icalEvent: {
            filename: calendar.filename,
            content: calendar.content,
            ...(method ? { method } : {}),
          },
        }
      : {}),
    ...(others.length > 0
      ? {
          attachments: others.map(({ filename, contentType, content }) => ({
            filename,
            contentType,
            content,
          })),
        }
      : {}),
  };
}
