import type { Storage } from "./storage";

/** Any S3-compatible store (issue 14): streamed multipart writes, ranged reads, signed URLs. */
export function s3Storage(
  _url: string,
  _s3: {
    endpoint: string | undefined;
    region: string;
    accessKeyId: string | undefined;
    secretAccessKey: string | undefined;
  },
): Storage {
  throw new Error("S3 storage is not built yet");
}
