import type { InviteMethod } from "../../../core/calendar";

type Named = { name: string };
type Recipient = Named & { timeZone: string };

/** Formatters by zone: building one costs about a millisecond. */
const formats = new Map<string, Intl.DateTimeFormat>();

function whenIn(timeZone: string, at: Date): string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      dateStyle: "full",
      timeStyle: "short",
      timeZone,
    });
    formats.set(timeZone, format);
  }
  return `${format.format(at)} (${timeZone})`;
}

const EVERY = { weekly: "every week", biweekly: "every 2 weeks", monthly: "every month" } as const;

/** How a series repeats, in words: "every week, 10 meetings". */
export const repeatsWords = (frequency: keyof typeof EVERY, meetings: number) =>
  `${EVERY[frequency]}, ${meetings} meetings`;

/**
 * Subject and body: title, time in the recipient's zone (the first meeting's, and how it repeats for
 * a series), who organises, and the page — nothing more.
 */
export function invitationText(
  method: InviteMethod,
  meeting: { title: string; startAt: Date; durationMinutes: number },
  organiser: Named,
  person: Recipient,
  url: string,
  repeats?: string,
): { subject: string; text: string } {
  const when = `${whenIn(person.timeZone, meeting.startAt)}${repeats ? `, ${repeats}` : ""}`;
  const on = repeats ? `from ${when}` : `on ${when}`;
  const subject = `${method === "CANCEL" ? "Cancelled" : "Invitation"}: ${meeting.title} — ${when}`;
  const what =
    method === "CANCEL"
      ? `${organiser.name} cancelled "${meeting.title}" ${on}.`
      : `${organiser.name} invites you to "${meeting.title}" ${on}, for ${meeting.durationMinutes} minutes.`;
  const answer =
    method === "CANCEL"
      ? "The attached invite.ics removes it from your calendar."
      : "Add it to your calendar with the attached invite.ics, and answer in Tandem:";
  return { subject, text: `Hello ${person.name},\n\n${what}\n\n${answer}\n${url}\n` };
}
