import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { limitBytes } from "./limit-bytes";
import type { ByteRange, Storage } from "./storage";

/**
 * Files under one folder. A write goes to a temporary name first and is renamed into place when
 * whole, so a reader never sees half a file and a refused write leaves nothing.
 */
export function fileStorage(root: string): Storage {
  const base = resolve(root);
  const pathOf = (key: string) => {
    const path = resolve(base, key);
    if (!path.startsWith(base + sep)) throw new Error(`storage key outside the store: ${key}`);
    return path;
  };
  return {
    kind: "file",
    async put(key, body, { maxBytes }) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.${randomUUID()}.part`;
      const counter = limitBytes(maxBytes);
      try {
        await pipeline(body, counter, createWriteStream(temporary));
        await rename(temporary, path);
        return { bytes: counter.bytes };
      } catch (error) {
        await rm(temporary, { force: true });
        if (error instanceof Error && error.name === "TooLargeError") await rm(path, { force: true });
        throw error;
      }
    },
    async read(key, range?: ByteRange): Promise<Readable> {
      const path = pathOf(key);
      await stat(path); // throws ENOENT before a stream is handed out
      return createReadStream(path, range ? { start: range.start, end: range.end } : {});
    },
    async size(key) {
      try {
        return (await stat(pathOf(key))).size;
      } catch {
        return null;
      }
    },
    async deletePrefix(prefix) {
      const path = join(base, prefix);
      if (!resolve(path).startsWith(base + sep))
        throw new Error(`storage prefix outside the store: ${prefix}`);
      await rm(path, { recursive: true, force: true });
    },
    async signedUrl() {
      return undefined;
    },
    async close() {},
  };
}
