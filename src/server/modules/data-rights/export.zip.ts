import { Readable } from "node:stream";
import { ZipFile } from "yazl";
import type { Storage } from "../../platform/storage";

/** One file of the ZIP, opened only when the writer reaches it (so one file or query is open at a time). */
export interface ZipEntry {
  name: string;
  open: () => Promise<Readable>;
  /** Video is already compressed: stored as it is. */
  compress: boolean;
}

/** No limit of our own on an export's size: it is what the organisation holds. */
const NO_LIMIT = Number.MAX_SAFE_INTEGER;

/**
 * Streams a ZIP of `entries` into storage at `key`, each entry read as the writer reaches it; a failing
 * entry fails the whole write (storage then keeps nothing). Answers the ZIP's size in bytes.
 */
export async function zipToStorage(
  storage: Storage,
  key: string,
  entries: readonly ZipEntry[],
  mtime: Date,
): Promise<number> {
  const zip = new ZipFile();
  const output = zip.outputStream as Readable;
  zip.on("error", (error: Error) => output.destroy(error));
  for (const entry of entries)
    zip.addReadStreamLazy(entry.name, { compress: entry.compress, mtime }, (done) => {
      entry.open().then(
        (stream) => {
          // yazl reports a failing source on the ZipFile only sometimes: end the output either way.
          stream.on("error", (error) => output.destroy(error));
          done(null, stream);
        },
        (error: unknown) => done(error, Readable.from([])),
      );
    });
  zip.end();
  const { bytes } = await storage.put(key, output, { maxBytes: NO_LIMIT, contentType: "application/zip" });
  return bytes;
}

/** A generator of bytes as a stream yazl can read. */
export const streamOf = (chunks: AsyncIterable<Buffer> | Iterable<Buffer>): Readable =>
  Readable.from(chunks, { objectMode: false });
