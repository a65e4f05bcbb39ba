import { describe, expect, it } from "vitest";
import {
  averageText,
  distributionRows,
  notAnsweredText,
  participationText,
  peopleText,
  yesNoText,
} from "./text";

describe("a digest in words", () => {
  it("says participation as a count of the participants", () => {
    expect(participationText(4, 6)).toBe("4 of 6 answered");
    expect(participationText(0, 0)).toBe("0 of 0 answered");
  });

  it("rounds averages to one decimal and counts people in words", () => {
    expect(averageText(3.456)).toBe("3.5");
    expect(averageText(4)).toBe("4.0");
    expect(peopleText(1)).toBe("1 person");
    expect(peopleText(0)).toBe("0 people");
    expect(yesNoText({ yes: 4, no: 1 })).toBe("Yes 4 · No 1");
    expect(yesNoText({})).toBe("Yes 0 · No 0");
  });

  it("names those who have not answered in the order the server gives", () => {
    expect(notAnsweredText([{ name: "Ana" }, { name: "Kenji" }])).toBe("Not answered yet: Ana, Kenji");
  });

  it("labels each of 1 to 5 with the question's own words when it has them", () => {
    expect(distributionRows([0, 1, 2, 3, 4], ["Bad", "Meh", "OK", "Good", "Great"])).toEqual([
      { value: 1, label: "1 · Bad", count: 0 },
      { value: 2, label: "2 · Meh", count: 1 },
      { value: 3, label: "3 · OK", count: 2 },
      { value: 4, label: "4 · Good", count: 3 },
      { value: 5, label: "5 · Great", count: 4 },
    ]);
    expect(distributionRows([1, 0, 0, 0, 2], null).map((r) => r.label)).toEqual(["1", "2", "3", "4", "5"]);
  });
});
