import type { Role } from "../../../contracts/common";
import type { LocalInterval, Weekday, WeekPattern } from "../../../core/time";

export interface DemoPerson {
  name: string;
  email: string;
  role: Role;
  timeZone: string;
  week: WeekPattern;
}

export interface DemoTeam {
  name: string;
  leads: string[];
  members: string[];
}

const email = (localPart: string) => `${localPart}@northwind.example`;
const WEEKDAYS: Weekday[] = ["mon", "tue", "wed", "thu", "fri"];
const on = (days: Weekday[], ...intervals: [string, string][]): WeekPattern =>
  Object.fromEntries(days.map((d) => [d, intervals.map(([start, end]): LocalInterval => ({ start, end }))]));
const weekdays = (start: string, end: string) => on(WEEKDAYS, [start, end]);

export const DEMO_ORGANISATION = { name: "Northwind Remote", timeZone: "Europe/London" };

/** Created with the organisation; keeps the default week (Monday to Friday, 09:00–17:00). */
export const DEMO_OWNER = { name: "Olivia Bennett", email: email("olivia"), timeZone: "Europe/London" };

const person = (name: string, role: Role, timeZone: string, week: WeekPattern): DemoPerson => ({
  name,
  email: email(name.split(" ")[0]?.toLowerCase() ?? name),
  role,
  timeZone,
  week,
});

export const DEMO_PEOPLE: DemoPerson[] = [
  person("Hannah Clarke", "admin", "Europe/London", weekdays("08:30", "16:30")),
  // A compressed week: four ten-hour days.
  person("Tom Fletcher", "member", "Europe/London", on(["mon", "tue", "wed", "thu"], ["07:30", "17:30"])),
  person("Arjun Mehta", "manager", "Asia/Kolkata", weekdays("10:00", "18:30")),
  // A split day: mornings, then evenings that overlap the Americas.
  person("Priya Nair", "member", "Asia/Kolkata", on(WEEKDAYS, ["08:00", "12:00"], ["16:00", "20:00"])),
  person("Marcus Johnson", "manager", "America/New_York", weekdays("08:30", "17:00")),
  // Part-time: Monday to Wednesday only.
  person("Elena Rodriguez", "member", "America/New_York", on(["mon", "tue", "wed"], ["09:00", "17:00"])),
  person("Rafael Souza", "member", "America/Sao_Paulo", weekdays("09:00", "18:00")),
  // Part-time: mornings only.
  person("Sofia Almeida", "hr", "America/Sao_Paulo", weekdays("09:00", "13:00")),
  person("Chloe Nguyen", "manager", "Australia/Sydney", weekdays("08:00", "16:30")),
  person("Liam O'Connor", "member", "Australia/Sydney", weekdays("09:00", "17:30")),
  person("Aroha Ngata", "member", "Pacific/Auckland", weekdays("08:30", "17:00")),
  person("Kenji Watanabe", "member", "Asia/Tokyo", weekdays("09:30", "18:00")),
  person("Fatima Zahra", "member", "Europe/Berlin", weekdays("09:00", "17:00")),
];

export const DEMO_TEAMS: DemoTeam[] = [
  { name: "Platform", leads: ["arjun"], members: ["priya", "tom", "kenji", "fatima"] },
  { name: "Product", leads: ["marcus"], members: ["elena", "rafael", "olivia"] },
  { name: "Customer Success", leads: ["chloe", "sofia"], members: ["liam", "aroha", "hannah"] },
].map((t) => ({ ...t, leads: t.leads.map(email), members: t.members.map(email) }));

/** Liam is on holiday next week; Fatima works from New York from the week after. */
export const DEMO_ABSENCE = { email: email("liam"), inDays: 7, days: 5, reason: "Family visit" };
export const DEMO_ZONE_CHANGE = { email: email("fatima"), inDays: 14, timeZone: "America/New_York" };

/** A Slack webhook to show the admin page filled in; created off, so the demo never calls out. */
export const DEMO_WEBHOOK = {
  url: "https://hooks.example.com/services/tandem-demo",
  format: "slack" as const,
  events: ["agreement.version_to_acknowledge" as const, "policy.version_to_acknowledge" as const],
  disabledReason: "Demo: add your own URL",
};

/**
 * A few inbox items, sent through notify like any other (so some wait for their recipient's hours):
 * the owner's inbox shows an invitation accepted, the disabled demo webhook, and one urgent item,
 * which the urgent log lists. `from` is the sender (none: Tandem itself); `to` the recipients.
 */
export const DEMO_NOTIFICATIONS = [
  {
    from: email("hannah"),
    to: [DEMO_OWNER.email],
    kind: "notification.test" as const,
    urgent: true,
    subject: "Urgent: the customer demo moved to 14:00 today",
    body: "The customer asked to start an hour earlier. Can you join at **14:00 London time**?",
    link: "/meetings/calendar",
  },
  {
    from: email("kenji"),
    to: [DEMO_OWNER.email, email("hannah")],
    kind: "invitation.accepted" as const,
    urgent: false,
    subject: "Kenji Watanabe accepted your invitation",
    body: "Kenji Watanabe (kenji@northwind.example) joined Tandem.",
    link: "/team/people",
  },
  {
    from: null,
    to: [DEMO_OWNER.email],
    kind: "webhook.disabled" as const,
    urgent: false,
    subject: "A webhook was switched off",
    body: `The webhook to ${DEMO_WEBHOOK.url} is off: ${DEMO_WEBHOOK.disabledReason}.`,
    link: "/settings/webhooks",
  },
];
