import { join } from "node:path";
import { fileStorage } from "./file-storage";
import type { Storage } from "./storage";

export { type ByteRange, type Storage, TooLargeError } from "./storage";

interface StorageConfig {
  storageUrl: string;
  dataDir: string;
  s3: {
    endpoint: string | undefined;
    region: string;
    accessKeyId: string | undefined;
    secretAccessKey: string | undefined;
  };
}

/** The store STORAGE_URL names: `file:` (the data directory's `storage/`), `file:/a/folder`, or `s3://bucket/prefix`. */
export async function openStorage(config: StorageConfig): Promise<Storage> {
  if (config.storageUrl.startsWith("s3://")) {
    // Loaded only when configured: the AWS SDK is large and most instances keep files on disk.
    const { s3Storage } = await import("./s3-storage");
    return s3Storage(config.storageUrl, config.s3);
  }
  const folder = config.storageUrl.slice("file:".length);
  return fileStorage(folder || join(config.dataDir || ".", "storage"));
}

/**
 * Origins the browser fetches stored files from directly (S3's signed playback URLs), for the CSP's
 * `media-src`; none for the file store, whose files Tandem serves itself.
 */
export function storageOrigins(config: StorageConfig): string[] {
  if (!config.storageUrl.startsWith("s3://")) return [];
  if (config.s3.endpoint) return [new URL(config.s3.endpoint).origin];
  const bucket = new URL(config.storageUrl).hostname;
  return [`https://${bucket}.s3.${config.s3.region}.amazonaws.com`, `https://${bucket}.s3.amazonaws.com`];
}
