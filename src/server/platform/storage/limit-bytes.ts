import { Transform, type TransformCallback } from "node:stream";
import { TooLargeError } from "./storage";

/** A pass-through that counts bytes and fails with `TooLargeError` the moment they pass `maxBytes`. */
export function limitBytes(maxBytes: number): Transform & { readonly bytes: number } {
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      bytes += chunk.length;
      if (bytes > maxBytes) done(new TooLargeError(maxBytes));
      else done(null, chunk);
    },
  });
  return Object.defineProperty(counter, "bytes", { get: () => bytes }) as Transform & {
    readonly bytes: number;
  };
}
