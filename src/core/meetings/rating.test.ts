import { describe, expect, it } from "vitest";
import { RATING_THRESHOLD, ratingSummary } from "./rating";

const answer = (worthIt: number, couldBeAsync: boolean) => ({ worthIt, couldBeAsync });

describe("ratingSummary", () => {
  it("shows only the count below the threshold of 3", () => {
    expect(RATING_THRESHOLD).toBe(3);
    expect(ratingSummary([])).toEqual({ count: 0 });
    expect(ratingSummary([answer(5, true)])).toEqual({ count: 1 });
    expect(ratingSummary([answer(5, true), answer(1, false)])).toEqual({ count: 2 });
  });

  it("adds the average and the async share from 3 answers", () => {
    expect(ratingSummary([answer(5, true), answer(1, false), answer(3, false)])).toEqual({
      count: 3,
      worthItAverage: 3,
      couldBeAsyncShare: 0.33,
    });
  });

  it("rounds the average to one decimal and the share to two", () => {
    const answers = [
      answer(5, true),
      answer(4, true),
      answer(4, false),
      answer(4, true),
      answer(4, true),
      answer(4, true),
    ];
    // 25 / 6 = 4.1666…; 5 of 6 = 0.8333…
    expect(ratingSummary(answers)).toEqual({ count: 6, worthItAverage: 4.2, couldBeAsyncShare: 0.83 });
    expect(ratingSummary([answer(2, true), answer(2, true), answer(3, true)])).toEqual({
      count: 3,
      worthItAverage: 2.3,
      couldBeAsyncShare: 1,
    });
  });
});
