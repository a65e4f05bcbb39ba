import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "vite";
import { type BenchOutcome, round } from "./lib/measure";

/** What a signed-in person's first page (Home) may transfer: the budget, in kB of gzipped JavaScript. */
const TARGET_KB = 200;
/** The same figure on the tree before issue 9 point 7, when the SPA was one bundle of every page. */
const BEFORE_KB = 266.751;
const HOME = "features/home/HomePage.tsx";

interface ManifestChunk {
  file: string;
  imports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** The JavaScript files a browser fetches to draw `keys`: each chunk and everything it imports statically. */
export function staticClosure(manifest: Manifest, keys: string[]): string[] {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) return;
    seen.add(key);
    if (chunk.file.endsWith(".js")) files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return [...files];
}

/** Gzipped bytes (level 9, as the build's precompression) of Home's JavaScript in a built `dist/web`. */
export function homeJavaScript(outDir: string): { files: string[]; gzipBytes: number } {
  const manifest = JSON.parse(readFileSync(join(outDir, ".vite", "manifest.json"), "utf8")) as Manifest;
  if (!manifest[HOME]) throw new Error(`the build has no chunk for ${HOME}`);
  const files = staticClosure(manifest, ["index.html", HOME]);
  const gzipBytes = files.reduce(
    (sum, f) => sum + gzipSync(readFileSync(join(outDir, f)), { level: 9 }).length,
    0,
  );
  return { files, gzipBytes };
}

/** Builds the SPA into a temporary folder (dist/web stays as it is) and weighs what Home needs. */
export async function runWebSizeBench(): Promise<BenchOutcome> {
  const outDir = mkdtempSync(join(tmpdir(), "tandem-web-size-"));
  try {
    await build({ logLevel: "warn", build: { outDir, emptyOutDir: true } });
    const { files, gzipBytes } = homeJavaScript(outDir);
    const kb = round(gzipBytes / 1000, 3);
    const failures =
      kb > TARGET_KB ? [`web size: Home loads ${kb} kB of gzipped JavaScript; needs ≤ ${TARGET_KB} kB`] : [];
    return {
      results: [
        {
          name: "web size: Home's JavaScript, kB gzipped",
          workload: `vite build; the entry and Home's chunk with their static imports (${files.length} files), gzip -9`,
          median_ms: kb,
          baseline: "the same build as one bundle, before pages loaded lazily",
          baseline_median_ms: BEFORE_KB,
          speedup: round(BEFORE_KB / kb, 2),
        },
      ],
      notes: [
        `web size: this row is in kB, not ms: ${kb} kB now, ${BEFORE_KB} kB before, budget ${TARGET_KB} kB`,
      ],
      failures,
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
