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

/**
 * Meetings (issue 11), placed from today in the organisation's zone: `workdays` counts working days
 * (Monday to Friday) from today, as do `dueInWorkdays`; `at` is London time. People are by email,
 * templates by their built-in name.
 */
export const DEMO_MEETINGS = {
  /** A weekly series from the "Weekly team" template: the last one completed, the next one carrying on. */
  weekly: {
    title: "Product weekly",
    kind: "planning" as const,
    organiser: email("marcus"),
    attendees: [email("elena"), email("rafael"), DEMO_OWNER.email],
    team: "Product",
    at: "15:00",
    minutes: 45,
    count: 8,
    template: "Weekly team",
    covered: ["Blockers: where do we need each other?", "Priorities for the week"],
    /** Added to the past meeting and left open: the next one shows it carried forward. */
    extraItem: "Churn in the self-serve plan",
    notes:
      "- Onboarding v2 is ready; support has the new help pages.\n- Self-serve churn rose in November: " +
      "we ran out of time, so it goes to next week.",
    decisions: [
      { text: "Onboarding v2 goes to every customer on the 1st.", item: "Priorities for the week" },
      { text: "Status updates go in the channel before the weekly, not in it." },
    ],
    actionItems: [
      { text: "Draft the pricing one-pager for the new plan", owner: DEMO_OWNER.email, dueInWorkdays: 3 },
      { text: "Share the onboarding survey results", owner: email("elena"), dueInWorkdays: 1, done: true },
    ],
    ratings: [
      { by: email("marcus"), worthIt: 4, couldBeAsync: false },
      { by: email("elena"), worthIt: 5, couldBeAsync: false },
      { by: email("rafael"), worthIt: 3, couldBeAsync: true },
    ],
    /** On the next meeting: Rafael reads the recap instead of attending; Elena comes. */
    rsvps: [
      { by: email("rafael"), response: "follow_async" as const },
      { by: email("elena"), response: "yes" as const },
    ],
  },
  /** A lead and their report; each keeps private notes nobody else can read. */
  oneToOne: {
    title: "Marcus / Olivia",
    kind: "one_to_one" as const,
    organiser: email("marcus"),
    attendees: [DEMO_OWNER.email],
    workdays: 2,
    at: "14:00",
    minutes: 30,
    template: "One-to-one",
    privateNotes: [
      { by: email("marcus"), body: "Olivia wants to lead the pricing work: suggest it as her stretch goal." },
      { by: DEMO_OWNER.email, body: "Ask about the conference budget for the spring." },
    ],
  },
  /** Soon (within the agreement's 24 hours) with nothing on the agenda: flagged on the list. */
  emptyAgenda: {
    title: "Ideas from customer feedback",
    kind: "brainstorm" as const,
    organiser: DEMO_OWNER.email,
    attendees: [email("hannah"), email("tom")],
    minutes: 30,
  },
  /** 90 minutes breaks the agreement's 60: created with a reason, shown on the meeting. */
  overridden: {
    title: "Quarterly planning",
    kind: "planning" as const,
    organiser: DEMO_OWNER.email,
    attendees: [email("marcus"), email("elena"), email("rafael"), email("arjun")],
    workdays: 3,
    at: "14:00",
    minutes: 90,
    template: "Planning",
    /** A shared document (demo-documents.ts) the planning's people read first. */
    preRead: "Q1 planning brief",
    reason:
      "Quarterly planning needs one long session; every other meeting this quarter stays under an hour.",
    actionItem: { text: "Collect estimates from Platform before planning", dueInWorkdays: 2 },
  },
};

/** Busy blocks in a person's own day: on `days`, `after` hours past the start of their working day. */
export interface DemoBlock {
  days: readonly Weekday[];
  after: number;
  minutes: number;
  /** Only in the weeks from this many weeks ago (this week is 0) … */
  fromWeeksAgo?: number;
  /** … until this many weeks ago (exclusive): a habit that stopped. */
  untilWeeksAgo?: number;
}

const MON_THU: Weekday[] = ["mon", "tue", "wed", "thu"];
const PLATFORM = ["arjun", "priya", "tom", "kenji", "fatima"].map(email);
/** Tom's Monday meetings after his day ends: 30, 60 then 90 minutes in the last three weeks. */
const TOMS_EVENINGS = [30, 60, 90].map(
  (minutes, i): DemoBlock => ({
    days: ["mon"],
    after: 10.5,
    minutes,
    fromWeeksAgo: 3 - i,
    untilWeeksAgo: 2 - i,
  }),
);
/** Platform's Wednesday workshop, held until the team agreed on no-meeting Wednesdays. */
const WORKSHOP: DemoBlock = { days: ["wed"], after: 2, minutes: 180, untilWeeksAgo: 5 };

/**
 * Twelve weeks of everyone's busy time (their own day: `after` hours past its start), a status round the
 * meeting audit suggests making async, and Platform's no-meeting Wednesdays five weeks ago: Olivia is
 * over the meeting budget with too little focus time, Tom's evenings creep, Platform's focus time rises after its agreement,
 * Product (4 people) stays below the minimum group size.
 */
export const DEMO_INSIGHTS = {
  weeks: 12,
  ownerWeek: weekdays("09:00", "17:00"),
  common: [{ days: WEEKDAYS, after: 0.5, minutes: 30 }] as DemoBlock[],
  extra: {
    // Over the budget, and no two free hours in a row from Monday to Thursday.
    [DEMO_OWNER.email]: [
      { days: MON_THU, after: 1, minutes: 90 },
      { days: MON_THU, after: 4, minutes: 90 },
      { days: MON_THU, after: 6.5, minutes: 60 },
    ],
    [email("tom")]: [...TOMS_EVENINGS, WORKSHOP],
    [email("arjun")]: [{ days: ["mon", "tue", "thu"], after: 3, minutes: 90 }, WORKSHOP],
    [email("priya")]: [{ days: WEEKDAYS, after: 8.5, minutes: 60 }, WORKSHOP],
    [email("kenji")]: [WORKSHOP],
    [email("fatima")]: [{ days: ["tue", "thu"], after: 5, minutes: 60 }, WORKSHOP],
    [email("marcus")]: [{ days: WEEKDAYS, after: 5, minutes: 60 }],
    [email("chloe")]: [{ days: ["tue", "thu"], after: 2, minutes: 120 }],
    [email("hannah")]: [{ days: ["mon"], after: 6, minutes: 60 }],
  } as Record<string, DemoBlock[]>,
  statusRound: {
    title: "Platform status round",
    kind: "status_update" as const,
    organiser: email("arjun"),
    attendees: PLATFORM.slice(1),
    team: "Platform",
    at: "12:00",
    minutes: 60,
    weeks: 8,
    ratings: [
      [email("priya"), { worthIt: 3, couldBeAsync: true }],
      [email("tom"), { worthIt: 3, couldBeAsync: true }],
      [email("fatima"), { worthIt: 3, couldBeAsync: true }],
    ] as [string, { worthIt: number; couldBeAsync: boolean }][],
  },
  agreement: {
    team: "Platform",
    by: email("arjun"),
    weeksAgo: 5,
    rules: { noMeetingDays: ["wed"] as Weekday[] },
    changeSummary: "No-meeting Wednesdays: the workshop moves to a written design review.",
  },
};
