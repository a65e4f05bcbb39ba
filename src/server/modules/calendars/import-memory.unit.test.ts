import { describe, expect, it } from "vitest";
import { importGrowthOf50MbFile } from "../../../../bench/lib/ics-memory";

/** Issue 18: a 50 MB calendar imports with less than this growth of the process's memory. */
const MAX_GROWTH_MB = 200;

describe("importing a 50 MB calendar", () => {
  it(`grows the process (main thread and worker) by less than ${MAX_GROWTH_MB} MB`, async () => {
    // A fresh process (node --expose-gc) reads the file's bytes and imports them through readIcs's worker.
    const measured = await importGrowthOf50MbFile();
    expect(measured.fileMb).toBeGreaterThanOrEqual(50);
    expect(measured.events).toBeGreaterThan(100_000);
    expect(measured.problems).toBe(0);
    expect(measured.growthMb, JSON.stringify(measured)).toBeLessThan(MAX_GROWTH_MB);
  }, 600_000);
});
