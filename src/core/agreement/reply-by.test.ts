import { describe, expect, it } from "vitest";
import { utc } from "../../../test/support/time";
import { DEFAULT_RULES, type Rules } from "../../contracts/agreement";
import { DAY_MS, type Interval, type WeekPattern, workingIntervals } from "../time";
import { advise } from "./advisor";
import { type AdvisorParticipant, REPLY_HORIZON_MS, replyBy } from "./next-step";

const iso = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(utc(y, mo, d, h, mi)).toISOString();

function weekdays(start: string, end: string): WeekPattern {
  const day = [{ start, end }];
  return { mon: day, tue: day, wed: day, thu: day, fri: day };
}

function person(
  name: string,
  timeZone: string,
  week: WeekPattern,
  at: number,
  absences: Interval[] = [],
): AdvisorParticipant {
  const working = workingIntervals({ timeZone, week, absences }, { start: at, end: at + 31 * DAY_MS });
  return { personId: name.toLowerCase(), name, timeZone, working };
}

const london = (at: number, absences: Interval[] = []) =>
  person("Lena", "Europe/London", weekdays("09:00", "17:30"), at, absences);
const kolkata = (at: number) => person("Priya", "Asia/Kolkata", weekdays("10:00", "18:00"), at);
const newYork = (at: number) => person("Noah", "America/New_York", weekdays("09:00", "17:00"), at);

/** The async next step for an update that only informs (always async under the default rules). */
function replyStep(
  participants: AdvisorParticipant[],
  at: number,
  urgency?: "urgent" | "normal" | "low",
  overrides: Partial<Rules> = {},
) {
  const advice = advise(
    { purpose: "inform", urgency },
    { rules: { ...DEFAULT_RULES, ...overrides }, participants, at },
  );
  const reply = advice.reasons.find((r) => r.ruleId === "replyWithinWorkingHours");
  return { ...advice.next.async, text: reply?.text ?? "" };
}

describe("reply-by in every participant's own working hours", () => {
  it("waits for the participant who reaches 8 working hours last (London + Kolkata + New York)", () => {
    const at = utc(2026, 5, 6, 10); // Wednesday: London 11:00 BST, Kolkata 15:30 IST, New York 06:00 EDT
    const team = [london(at), kolkata(at), newYork(at)];
    // London: 6.5 h Wed, Thu from 08:00 UTC → 09:30; Kolkata: 2.5 h Wed, Thu 04:30 UTC + 5.5 h → 10:00;
    // New York: Wed 13:00–21:00 UTC.
    const step = replyStep(team, at);
    expect(step.replyBy).toBe(iso(2026, 5, 7, 10));
    expect(step.workingHours).toBe(8);
    expect(step.text).toBe(
      "The agreement says normal-urgency replies are due within 8 working hours of each recipient " +
        "(replyWithinWorkingHours); Priya is the last to reach that.",
    );
    // Urgent (2 h): London 12:00, Kolkata 12:30, New York 15:00 UTC the same day.
    expect(replyStep(team, at, "urgent").replyBy).toBe(iso(2026, 5, 6, 15));
  });

  it("leaves the author out and gives each recipient their own deadline; the overall one is the latest", () => {
    const at = utc(2026, 5, 6, 10);
    const [lena, priya, noah] = [london(at), kolkata(at), newYork(at)];
    const advice = advise(
      { purpose: "inform" },
      { rules: DEFAULT_RULES, participants: [lena, priya, noah], authorId: "noah", at },
    );
    // Noah (New York) would be the last, at 21:00 UTC; as the author he is not asked to reply.
    expect(advice.next.async?.recipients).toEqual([
      { personId: "lena", replyBy: iso(2026, 5, 7, 9, 30) },
      { personId: "priya", replyBy: iso(2026, 5, 7, 10) },
    ]);
    expect(advice.next.async?.replyBy).toBe(iso(2026, 5, 7, 10));
    const urgent = advise(
      { purpose: "inform", urgency: "urgent" },
      { rules: DEFAULT_RULES, participants: [lena, priya, noah], authorId: "priya", at },
    );
    // Without the author Priya (12:30 UTC), New York's 15:00 UTC is the latest.
    expect(urgent.next.async?.recipients.map((r) => r.personId)).toEqual(["lena", "noah"]);
    expect(urgent.next.async?.replyBy).toBe(iso(2026, 5, 6, 15));
  });

  it("keeps each deadline inside that recipient's working hours", () => {
    const at = utc(2026, 5, 8, 15); // Friday
    const team = [london(at), kolkata(at), newYork(at)];
    const advice = advise({ purpose: "inform" }, { rules: DEFAULT_RULES, participants: team, at });
    for (const recipient of advice.next.async?.recipients ?? []) {
      const due = Date.parse(recipient.replyBy ?? "");
      const working = team.find((p) => p.personId === recipient.personId)?.working ?? [];
      expect(
        working.some((w) => w.start < due && due <= w.end),
        recipient.personId,
      ).toBe(true);
    }
  });

  it("asks the author alone when nobody else takes part", () => {
    const at = utc(2026, 5, 6, 10);
    const advice = advise(
      { purpose: "inform" },
      { rules: DEFAULT_RULES, participants: [london(at)], authorId: "lena", at },
    );
    expect(advice.next.async?.recipients).toEqual([{ personId: "lena", replyBy: iso(2026, 5, 7, 9, 30) }]);
  });

  it("skips the weekend: Friday afternoon → Monday", () => {
    const at = utc(2026, 5, 8, 15); // Friday 16:00 in London
    // London: 1.5 h Friday, then Monday 08:00 UTC + 6.5 h.
    expect(replyStep([london(at)], at).replyBy).toBe(iso(2026, 5, 11, 14, 30));
    // New York: 6 h Friday, then Monday 13:00 UTC + 2 h; Kolkata: all 8 h on Monday, by 12:30 UTC.
    expect(replyStep([london(at), kolkata(at), newYork(at)], at).replyBy).toBe(iso(2026, 5, 11, 15));
  });

  it("skips the weekend: Friday afternoon → Tuesday when more hours are agreed", () => {
    const at = utc(2026, 5, 8, 15);
    const reply = { urgent: 2, normal: 12, low: 24 };
    // London: 1.5 h Friday + 8.5 h Monday = 10 h, then Tuesday 08:00 UTC + 2 h.
    expect(replyStep([london(at)], at, "normal", { replyWithinWorkingHours: reply }).replyBy).toBe(
      iso(2026, 5, 12, 10),
    );
  });

  it("counts across the London clock change (week of 2026-03-29)", () => {
    const at = utc(2026, 3, 27, 15); // Friday 15:00 GMT
    const lena = person("Lena", "Europe/London", weekdays("09:00", "17:00"), at);
    // 2 h on Friday; Monday 30 March starts at 09:00 BST = 08:00 UTC, + 6 h → 14:00 UTC (15:00 BST).
    expect(replyStep([lena], at).replyBy).toBe(iso(2026, 3, 30, 14));
  });

  it("measures the shared working time S across the clock change", () => {
    const before = utc(2026, 3, 23);
    const after = utc(2026, 3, 30);
    const shared = (at: number) => {
      const people = [
        person("Lena", "Europe/London", weekdays("09:00", "17:00"), at),
        person("Noah", "America/New_York", weekdays("09:00", "17:00"), at),
      ];
      return advise({ purpose: "feedback" }, { rules: DEFAULT_RULES, participants: people, at }).reasons[0]
        ?.text;
    };
    // New York is on EDT all along; London 09:00 moves from 09:00 UTC to 08:00 UTC: 4 h a day, then 3 h.
    expect(shared(before)).toMatch(/share 20 hours of working time/);
    expect(shared(after)).toMatch(/share 15 hours of working time/);
  });

  it("skips an absence", () => {
    const at = utc(2026, 5, 8, 15);
    const mondayOff = { start: utc(2026, 5, 10, 23), end: utc(2026, 5, 11, 23) }; // Monday in London (BST)
    // 1.5 h Friday, nothing Monday, Tuesday 08:00 UTC + 6.5 h.
    expect(replyStep([london(at, [mondayOff])], at).replyBy).toBe(iso(2026, 5, 12, 14, 30));
  });

  it("leaves out, and names, someone away for the whole horizon", () => {
    const at = utc(2026, 5, 6, 10);
    const away = london(at, [{ start: at, end: at + 40 * DAY_MS }]);
    const step = replyStep([away, kolkata(at)], at);
    expect(step.replyBy).toBe(iso(2026, 5, 7, 10));
    expect(step.text).toContain(
      "Lena will not have that much working time in the next 30 days, so the reply-by leaves them out",
    );
    expect(step.recipients?.[0]).toEqual({ personId: "lena", replyBy: null });
  });

  it("falls back to the end of the horizon when nobody can reply in it", () => {
    const at = utc(2026, 5, 6, 10);
    const result = replyBy([{ personId: "x", timeZone: "UTC", working: [] }], at, 8);
    expect(result).toEqual({
      replyBy: at + REPLY_HORIZON_MS,
      recipients: [{ participant: expect.objectContaining({ personId: "x" }), replyBy: null }],
      unreachable: [expect.objectContaining({ personId: "x" })],
    });
  });

  it("is due at once when the agreement allows 0 working hours", () => {
    const at = utc(2026, 5, 9, 12); // a Saturday
    expect(replyBy([london(at)], at, 0).replyBy).toBe(at);
  });
});
