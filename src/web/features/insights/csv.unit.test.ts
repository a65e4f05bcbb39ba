import { describe, expect, it } from "vitest";
import type { OrganisationInsightsView, TeamInsightsView } from "../../../contracts/insights";
import { organisationCsv, teamCsv } from "./csv";

const stat = (median: number, p75: number) => ({ median, p75 });

describe("insights as CSV", () => {
  it("keeps a suppressed group's name and size and no figures", () => {
    const view: OrganisationInsightsView = {
      groupBy: "team",
      from: "2026-11-02",
      to: "2026-11-29",
      minGroupSize: 5,
      groups: [
        {
          key: "t1",
          label: "Platform, core",
          people: 6,
          suppressed: false,
          meetingHours: stat(10, 12.5),
          focusHours: stat(14, 18),
        },
        { key: "t2", label: "Product", people: 4, suppressed: true },
      ],
    };
    const [head, platform, product] = organisationCsv(view).trimEnd().split("\r\n");
    expect(head).toMatch(/^Group,People,Shown,Meeting hours median,Meeting hours 75th percentile,/);
    expect(platform).toMatch(/^"Platform, core",6,yes,10,12.5,14,18,/);
    expect(product).toBe(`Product,4,no (too few people)${",".repeat(16)}`);
  });

  it("writes no weeks for a suppressed team", () => {
    const view: TeamInsightsView = {
      team: { id: "t2", name: "Product", people: 4 },
      minGroupSize: 5,
      suppressed: true,
    };
    expect(teamCsv(view).trimEnd().split("\r\n")).toHaveLength(1);
  });
});
