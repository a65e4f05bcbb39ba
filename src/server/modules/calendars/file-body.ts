import type { Readable } from "node:stream";
import type { Deps } from "../../deps";
import { invalid } from "../../platform/errors";
import { assertIcsSize } from "./calendars.import";

/**
 * A `text/calendar` body read into one Buffer of its own. With a declared length the Buffer is
 * allocated once and filled as chunks arrive, so a 50 MB file costs 50 MB — not its chunks plus
 * their concatenation (twice the file at the end, as a generic body parser does). Without one, the
 * chunks are counted against ICS_MAX_BYTES (413 `ics_too_large` once over) and joined at the end.
 */
export async function readFileBody(
  deps: Pick<Deps, "config">,
  body: Readable,
  declaredLength: number | undefined,
): Promise<Buffer> {
  if (declaredLength !== undefined) {
    assertIcsSize(deps, declaredLength);
    const file = Buffer.allocUnsafe(declaredLength);
    let filled = 0;
    for await (const chunk of body as AsyncIterable<Buffer>) {
      if (filled + chunk.length > declaredLength) throw invalid("body", "is longer than its Content-Length");
      chunk.copy(file, filled);
      filled += chunk.length;
    }
    if (filled < declaredLength)
      throw invalid("body", "ended before its Content-Length: send the whole file");
    return file;
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    total += chunk.length;
    assertIcsSize(deps, total);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}
