import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_RULES, MEETING_KINDS, PURPOSES, type Rules } from "../../contracts/agreement";
import { clipIntervals, DAY_MS, HOUR_MS, mergeIntervals, totalDuration } from "../time";
import { advise } from "./advisor";
import type { AdvisorParticipant } from "./next-step";

const AT = Date.UTC(2026, 4, 4, 9); // Monday 4 May 2026, 09:00 UTC
const rules = (overrides: Partial<Rules> = {}): Rules => ({ ...DEFAULT_RULES, ...overrides });

describe("advise: properties", () => {
  const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  const question = fc.record({
    purpose: fc.constantFrom(...PURPOSES),
    kind: optional(fc.constantFrom(...MEETING_KINDS)),
    sensitivity: optional(fc.constantFrom("normal", "personal", "confidential" as const)),
    urgency: optional(fc.constantFrom("urgent", "normal", "low" as const)),
    complexity: optional(fc.constantFrom("low", "medium", "high" as const)),
  });
  const agreement = fc
    .record({
      mustBeLive: fc.subarray([...MEETING_KINDS]),
      preferAsync: fc.subarray([...MEETING_KINDS]),
      sensitiveIsLive: fc.boolean(),
      informIsAsync: fc.boolean(),
      replyWithinWorkingHours: fc.record({
        urgent: fc.integer({ min: 0, max: 40 }),
        normal: fc.integer({ min: 0, max: 40 }),
        low: fc.integer({ min: 0, max: 40 }),
      }),
      maxMeetingMinutes: fc.integer({ min: 1, max: 240 }),
    })
    .map((overrides) => rules(overrides));
  const working = fc
    .array(
      fc.tuple(fc.integer({ min: -DAY_MS, max: 40 * DAY_MS }), fc.integer({ min: 1, max: 12 * HOUR_MS })),
      {
        maxLength: 30,
      },
    )
    .map((spans) =>
      mergeIntervals(spans.map(([offset, length]) => ({ start: AT + offset, end: AT + offset + length }))),
    );
  const participants = fc.array(
    working.map((list): AdvisorParticipant => ({ personId: "p", timeZone: "UTC", working: list })),
    { minLength: 1, maxLength: 5 },
  );

  it("a must-be-live kind is always sync, whatever else is given", () => {
    fc.assert(
      fc.property(
        question,
        fc.constantFrom(...MEETING_KINDS),
        agreement,
        participants,
        (q, kind, r, people) => {
          const live = { ...r, mustBeLive: [...r.mustBeLive, kind] };
          const advice = advise({ ...q, kind }, { rules: live, participants: people, at: AT });
          expect(advice.mode).toBe("sync");
          expect(advice.reasons[0]?.ruleId).toBe("mustBeLive");
          expect(advice.next.async).toBeUndefined();
          expect(advice.next.sync?.durationMinutes).toBeLessThanOrEqual(live.maxMeetingMinutes);
        },
      ),
    );
  });

  it("every reachable participant has the agreed working hours before the reply-by; meetings fit the cap", () => {
    fc.assert(
      fc.property(question, agreement, participants, (q, r, people) => {
        const advice = advise(q, { rules: r, participants: people, at: AT });
        const sync = advice.next.sync;
        if (sync) expect(sync.durationMinutes).toBeLessThanOrEqual(r.maxMeetingMinutes);
        const reply = advice.next.async;
        if (!reply) return;
        const due = Date.parse(reply.replyBy);
        expect(due).toBeGreaterThanOrEqual(AT);
        const needed = reply.workingHours * HOUR_MS;
        const had = people.map((p) => totalDuration(clipIntervals(p.working, { start: AT, end: due })));
        const reachable = people.map((p) =>
          totalDuration(clipIntervals(p.working, { start: AT, end: Infinity })),
        );
        had.forEach((ms, i) => {
          if ((reachable[i] as number) >= needed) expect(ms).toBeGreaterThanOrEqual(needed);
        });
        if (reachable.some((ms) => ms >= needed)) expect(had.some((ms) => ms === needed)).toBe(true);
      }),
    );
  });
});
