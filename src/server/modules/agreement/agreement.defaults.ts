import type { Section } from "./agreement.table";

/** The human text of a new organisation's agreement, meant to be edited. */
export const DEFAULT_SECTIONS: Section[] = [
  {
    title: "Why we have this agreement",
    body: "We work across time zones and schedules. This agreement says, in writing, when we meet live and when we write instead, so nobody has to re-argue it and nobody's evenings pay for someone else's mornings.",
  },
  {
    title: "Async by default",
    body: "Status updates and announcements are written, not met. A written update says what happened, what is next, and what you need from whom, with a **reply-by** time in the readers' working hours.\n\nIf a thread stalls — the reply-by passes, it goes back and forth, or people disagree — we offer a short meeting in the best shared hours and post its outcome back to the thread.",
  },
  {
    title: "Live on purpose",
    body: "Some conversations stay live: one-to-ones, performance reviews, conflicts, incidents and hiring debriefs. Meetings have an agenda shared at least a day before, a time box, and an outcome (decision or action items) that goes back to the written record.",
  },
  {
    title: "Protecting focus and rest",
    body: "Everyone keeps at least two hours of uninterrupted focus a day. Notifications arrive only inside each person's working hours unless something is truly urgent, and urgent overrides are logged. Nobody is expected to reply outside their own working hours.",
  },
];
