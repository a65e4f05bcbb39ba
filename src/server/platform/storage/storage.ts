import type { Readable } from "node:stream";

/** A byte range, both ends included (as HTTP writes it). */
export interface ByteRange {
  start: number;
  end: number;
}

/** A write went past its limit: nothing of it is kept. */
export class TooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`more than ${maxBytes} bytes`);
    this.name = "TooLargeError";
  }
}

/**
 * Where files live (recordings, poster frames): the data directory or an S3-compatible store.
 * Keys are paths of our own making ("recordings/<org>/<id>/video"), never a name a person typed.
 * Every body is a stream: no file is ever held in memory whole.
 */
export interface Storage {
  /** "file" or "s3", for logs and the health of the configuration. */
  readonly kind: "file" | "s3";
  /**
   * Writes `body` under `key`, replacing what was there. Past `maxBytes` the write stops, nothing of it
   * is kept (an earlier object under the key is gone too) and it throws `TooLargeError`.
   */
  put(
    key: string,
    body: Readable,
    options: { maxBytes: number; contentType?: string },
  ): Promise<{ bytes: number }>;
  /** The object's bytes, or the range of them; throws when there is no such object. */
  read(key: string, range?: ByteRange): Promise<Readable>;
  /** The object's size, or null when there is none. */
  size(key: string): Promise<number | null>;
  /** Deletes every object whose key starts with `prefix` (nothing there is fine). */
  deletePrefix(prefix: string): Promise<void>;
  /**
   * S3 only: an address the browser may fetch directly for `expiresSeconds` (range requests work there),
   * served with `contentType`. The file store answers undefined: the server streams it itself.
   */
  signedUrl(
    key: string,
    options: { expiresSeconds: number; contentType: string },
  ): Promise<string | undefined>;
  close(): Promise<void>;
}
