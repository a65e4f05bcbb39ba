import { readdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

export default defineConfig({
  root: "src/web",
  plugins: [react(), precompress()],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    // bench/web-size.bench.ts reads it to weigh the JavaScript the first page loads.
    manifest: true,
    rolldownOptions: {
      // Our modules only declare things, so a feature's index.ts re-exporting a widget the entry
      // never uses must not pull that widget (and its feature) into the first page's chunks.
      treeshake: {
        moduleSideEffects: [{ test: /\/src\/(web|core|contracts)\/.*\.tsx?$/, sideEffects: false }],
      },
    },
  },
  server: { proxy: { "/api": "http://127.0.0.1:3000" } },
});

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|webmanifest)$/;
/** Below this the headers outweigh the saving. */
const MIN_BYTES = 1024;

/**
 * Writes `file.br` and `file.gz` beside every text file of the build, so the server sends them
 * (`@fastify/static` `preCompressed`) without compressing on each request.
 */
function precompress(): Plugin {
  let outDir = "";
  return {
    name: "tandem-precompress",
    apply: "build",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      for (const file of await textFiles(outDir)) {
        const content = await readFile(file);
        if (content.length < MIN_BYTES) continue;
        const br = await brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
        await writeFile(`${file}.br`, br);
        await writeFile(`${file}.gz`, await gzipAsync(content, { level: 9 }));
      }
    },
  };
}

async function textFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && COMPRESSIBLE.test(e.name))
    .map((e) => join(e.parentPath ?? e.path, e.name));
}
