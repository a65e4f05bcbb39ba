import { Transform, type TransformCallback } from "node:stream";
import { baseType, type VideoType } from "../../../contracts/recordings";
import { SNIFF_BYTES, sniffVideo } from "../../../core/media/sniff";
import { WEBM_HEAD_BYTES, withDuration } from "../../../core/media/webm-duration";
import { AppError } from "../../platform/errors";

export const NOT_A_VIDEO =
  "This file is not a WebM, MP4 or QuickTime video (it was checked by its contents, not its name)";

/** MP4 and QuickTime are one family of boxes: a recorder saying one may well write the other. */
const family = (type: string) => (type === "video/webm" ? "webm" : "iso");

/**
 * A pass-through that holds the first SNIFF_BYTES, sniffs them and only then lets them on, so a
 * stream that is not a video Tandem keeps (or not the container `declared` names) fails before a
 * byte is written. `type()` is the sniffed type once the head has passed.
 */
export function videoHead(declared?: string): Transform & { type(): VideoType | undefined } {
  const held: Buffer[] = [];
  let heldBytes = 0;
  let sniffed: VideoType | undefined;
  const release = (done: TransformCallback) => {
    const head = Buffer.concat(held);
    const type = sniffVideo(head.subarray(0, SNIFF_BYTES));
    if (!type || (declared && family(baseType(declared)) !== family(type)))
      return done(new AppError("unsupported_media_type", NOT_A_VIDEO));
    sniffed = type;
    held.length = 0;
    done(null, head);
  };
  const head = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (sniffed) return done(null, chunk);
      held.push(chunk);
      heldBytes += chunk.length;
      if (heldBytes < SNIFF_BYTES) return done();
      release(done);
    },
    flush(done) {
      if (sniffed) return done();
      release(done);
    },
  });
  return Object.assign(head, { type: () => sniffed });
}

/**
 * The pieces of a WebM recording with its length written into the header (`core/media/webm-duration.ts`):
 * the first WEBM_HEAD_BYTES are held, rewritten when they can be, and everything after passes untouched.
 */
export async function* withDurationWritten(
  pieces: AsyncIterable<Buffer>,
  durationMs: number,
): AsyncGenerator<Buffer> {
  const held: Buffer[] = [];
  let heldBytes = 0;
  let passing = false;
  const head = () => {
    const bytes = Buffer.concat(held);
    const rewritten = withDuration(bytes, durationMs);
    return rewritten ? Buffer.from(rewritten.buffer, rewritten.byteOffset, rewritten.length) : bytes;
  };
  for await (const piece of pieces) {
    if (passing) {
      yield piece;
      continue;
    }
    held.push(piece);
    heldBytes += piece.length;
    if (heldBytes >= WEBM_HEAD_BYTES) {
      passing = true;
      yield head();
    }
  }
  if (!passing) yield head();
}
