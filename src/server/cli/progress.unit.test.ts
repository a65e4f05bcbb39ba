import { describe, expect, it } from "vitest";
import { progressBar, renderBar } from "./progress";

function recorder(isTTY: boolean) {
  const written: string[] = [];
  return { out: { isTTY, write: (text: string) => written.push(text) }, written };
}

describe("renderBar", () => {
  it("fills in proportion, rounding down", () => {
    expect(renderBar(12, 40)).toBe("[###-------] 12/40");
    expect(renderBar(20, 40)).toBe("[#####-----] 20/40");
    expect(renderBar(0, 3)).toBe("[----------] 0/3");
    expect(renderBar(3, 3)).toBe("[##########] 3/3");
  });

  it("shows an empty job as complete", () => {
    expect(renderBar(0, 0)).toBe("[##########] 0/0");
  });
});

describe("progressBar", () => {
  it("redraws in place on a terminal and ends the line when done", () => {
    const { out, written } = recorder(true);
    const bar = progressBar(out);
    for (let done = 1; done <= 3; done++) bar.update(done, 3);
    bar.end();
    expect(written).toEqual(["\r[###-------] 1/3", "\r[######----] 2/3", "\r[##########] 3/3", "\n"]);
  });

  it("writes one line per tenth when not on a terminal", () => {
    const { out, written } = recorder(false);
    const bar = progressBar(out);
    for (let done = 1; done <= 40; done++) bar.update(done, 40);
    bar.end();
    expect(written).toHaveLength(10);
    expect(written[0]).toBe("[#---------] 4/40\n");
    expect(written.at(-1)).toBe("[##########] 40/40\n");
  });

  it("writes every step of a short job once", () => {
    const { out, written } = recorder(false);
    const bar = progressBar(out);
    for (let done = 1; done <= 3; done++) bar.update(done, 3);
    expect(written).toEqual(["[###-------] 1/3\n", "[######----] 2/3\n", "[##########] 3/3\n"]);
  });
});
