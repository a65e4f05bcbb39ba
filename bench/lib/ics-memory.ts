import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { icsWorkload } from "./ics-workload";

const PROBE = new URL("./ics-memory.probe.ts", import.meta.url);
const NOW = Date.parse("2026-03-01T00:00:00Z");

export interface ImportGrowth {
  /** Size of the file, MiB. */
  fileMb: number;
  /** Peak growth of the resident memory of the importing process (main thread and worker), MiB. */
  growthMb: number;
  ms: number;
  events: number;
  instances: number;
  busy: number;
  problems: number;
}

/** Writes the calendar export of about 51 MiB below, its events around `around` (epoch ms). */
export function write50MbCalendar(file: string, around: number): void {
  writeFileSync(
    file,
    icsWorkload({ seed: 50, events: 125_000, recurringShare: 0.1, around, descriptionChars: 260 }),
  );
}

/**
 * Generates a calendar export of about 51 MiB (125,000 events with folded notes, 10% weekly
 * series with EXDATEs and overrides) and imports it through the app's worker path (readIcs) in a
 * fresh Node process, which reports its peak growth of resident memory.
 */
export async function importGrowthOf50MbFile(): Promise<ImportGrowth> {
  const dir = mkdtempSync(join(tmpdir(), "tandem-ics-memory-"));
  try {
    const file = join(dir, "big.ics");
    write50MbCalendar(file, NOW);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--expose-gc", "--import", "tsx", PROBE.pathname, file, "Europe/London", String(NOW)],
      { maxBuffer: 1024 * 1024, timeout: 600_000 },
    );
    const lastLine = stdout.trim().split("\n").at(-1) ?? "";
    const fileMb = Math.round((statSync(file).size / 1024 / 1024) * 10) / 10;
    return { fileMb, ...(JSON.parse(lastLine) as Omit<ImportGrowth, "fileMb">) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
