import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_RULES, MEETING_KINDS, type Rules } from "../../contracts/agreement";
import { WEEKDAYS } from "../time";
import { isStricter, NUMBER_RULES, type NumberRuleName } from "./catalog";
import { effectiveRules, loosenedRules } from "./rules";

const org = (overrides: Partial<Rules> = {}): Rules => ({ ...DEFAULT_RULES, ...overrides });

describe("effectiveRules and loosenedRules agree (property)", () => {
  const hours = fc.integer({ min: 0, max: 60 });
  const kinds = fc.subarray([...MEETING_KINDS]);
  const partialRules = fc.record(
    {
      mustBeLive: kinds,
      preferAsync: kinds,
      sensitiveIsLive: fc.boolean(),
      informIsAsync: fc.boolean(),
      replyWithinWorkingHours: fc.record({ urgent: hours, normal: hours, low: hours }),
      agendaRequiredHoursBefore: hours,
      meetingBudget: fc.record({ weeklyHours: hours, dailyHours: hours }),
      noMeetingDays: fc.subarray([...WEEKDAYS]),
      focus: fc.record({ minDailyHours: fc.integer({ min: 0, max: 24 }) }),
      maxMeetingMinutes: fc.integer({ min: 1, max: 240 }),
      maxAttendees: fc.integer({ min: 1, max: 50 }),
      escalateAfterComments: fc.integer({ min: 2, max: 1000 }),
    },
    { requiredKeys: [] },
  );
  const fullRules = partialRules.map((partial) => org(partial as Partial<Rules>));
  const names = Object.keys(NUMBER_RULES) as NumberRuleName[];

  it("is never looser than either level, and loosening is reported exactly where the team is looser", () => {
    fc.assert(
      fc.property(fullRules, partialRules, (base, team) => {
        const { rules, sources } = effectiveRules(base, team);
        const loosened = new Set(loosenedRules(base, team).map((l) => l.rule));
        for (const name of names) {
          const { stricter, get } = NUMBER_RULES[name];
          const value = get(rules) as number;
          const orgValue = get(base) as number;
          const teamValue = get(team);
          expect(isStricter(stricter, orgValue, value)).toBe(false);
          if (teamValue === undefined) continue;
          expect(isStricter(stricter, teamValue, value)).toBe(false);
          expect(loosened.has(name)).toBe(isStricter(stricter, orgValue, teamValue));
        }
        for (const kind of [...base.mustBeLive, ...(team.mustBeLive ?? [])]) {
          expect(rules.mustBeLive).toContain(kind);
        }
        expect(rules.sensitiveIsLive).toBe(base.sensitiveIsLive || team.sensitiveIsLive === true);
        expect(sources.notificationHours).toBe("org");
      }),
    );
  });
});
