import { describe, expect, it } from "vitest";
import { auditSeries } from "./audit";
import type { SeriesFacts } from "./types";

const healthy: SeriesFacts = {
  title: "Weekly planning",
  durationMinutes: 30,
  completed: 6,
  monthlyPersonHours: 12,
  ratingAverage: 4.2,
  couldBeAsyncShare: 0.2,
  declineShare: 0.1,
  followAsyncShare: 0.1,
  noOutcomeShare: 0.2,
  ratingCount: 5,
  invitations: 20,
};
const audit = (facts: Partial<SeriesFacts>) => auditSeries({ ...healthy, ...facts });

describe("auditSeries", () => {
  it("keeps a healthy series, saying why", () => {
    expect(auditSeries(healthy)).toEqual({
      suggestion: "keep",
      reasons: [
        "It looks worth its time: rated 4.2 of 5, 10% of invitations declined, 20% of meetings without an outcome.",
      ],
    });
  });

  it("ends a series rated under 2.5, not one rated 2.5", () => {
    expect(audit({ ratingAverage: 2.4 })).toEqual({
      suggestion: "end",
      reasons: ["Attendees rated it 2.4 of 5 on average over 5 ratings."],
    });
    expect(audit({ ratingAverage: 2.5 }).suggestion).toBe("keep");
  });

  it("does not judge by fewer than 3 ratings", () => {
    expect(audit({ ratingAverage: 1, couldBeAsyncShare: 1, ratingCount: 2 }).suggestion).toBe("keep");
  });

  it("ends a series half declined", () => {
    expect(audit({ declineShare: 0.5 })).toEqual({
      suggestion: "end",
      reasons: ["10 of 20 invitations were declined (50%)."],
    });
    expect(audit({ declineShare: 0.49 }).suggestion).toBe("keep");
  });

  it("makes async when ratings say so or people follow async", () => {
    expect(audit({ couldBeAsyncShare: 0.6 })).toEqual({
      suggestion: "make_async",
      reasons: ["3 of 5 ratings said it could be async (60%)."],
    });
    expect(audit({ followAsyncShare: 0.3 })).toEqual({
      suggestion: "make_async",
      reasons: ["6 of 20 invitations were answered by following async (30%)."],
    });
    expect(audit({ couldBeAsyncShare: 0.49, followAsyncShare: 0.29 }).suggestion).toBe("keep");
  });

  it("says shares alone when the counts are unknown", () => {
    const { ratingCount: _r, invitations: _i, ...noCounts } = healthy;
    expect(auditSeries({ ...noCounts, couldBeAsyncShare: 0.6 }).reasons).toEqual([
      "60% of ratings said it could be async.",
    ]);
  });

  it("shortens meetings without outcomes, or long ones rated under 3.5", () => {
    expect(audit({ noOutcomeShare: 0.5 })).toEqual({
      suggestion: "shorten",
      reasons: ["3 of 6 meetings ended with no decision, action item or covered agenda item (50%)."],
    });
    expect(audit({ durationMinutes: 60, ratingAverage: 3.4 })).toEqual({
      suggestion: "shorten",
      reasons: ["It lasts 60 minutes and is rated 3.4 of 5 over 5 ratings: a shorter meeting may do."],
    });
    expect(audit({ durationMinutes: 59, ratingAverage: 3.4 }).suggestion).toBe("keep");
    expect(audit({ durationMinutes: 90, ratingAverage: 3.5 }).suggestion).toBe("keep");
    expect(audit({ durationMinutes: 90, ratingAverage: undefined }).suggestion).toBe("keep");
  });

  it("takes end over make_async over shorten, listing every reason strongest first", () => {
    const all = audit({ ratingAverage: 2, couldBeAsyncShare: 0.8, noOutcomeShare: 0.5, durationMinutes: 60 });
    expect(all.suggestion).toBe("end");
    expect(all.reasons).toEqual([
      "Attendees rated it 2 of 5 on average over 5 ratings.",
      "4 of 5 ratings said it could be async (80%).",
      "3 of 6 meetings ended with no decision, action item or covered agenda item (50%).",
      "It lasts 60 minutes and is rated 2 of 5 over 5 ratings: a shorter meeting may do.",
    ]);
    expect(audit({ followAsyncShare: 0.4, noOutcomeShare: 0.7 }).suggestion).toBe("make_async");
  });
});
