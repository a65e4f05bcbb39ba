import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
// @ts-expect-error s3rver ships no type declarations
import S3rver from "s3rver";

interface S3rverServer {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}

export interface TestS3 {
  /** The variables that point a test env at this store: pass them to testEnv({...}). */
  env: Record<string, string>;
  bucket: string;
  close(): Promise<void>;
}

/**
 * A real S3-compatible server (s3rver) on 127.0.0.1 at a random port, keeping its objects in a
 * temporary folder, with one empty bucket. It serves path-style addresses and checks no signatures.
 */
export async function startS3(): Promise<TestS3> {
  const directory = await mkdtemp(join(tmpdir(), "tandem-s3-"));
  const bucket = "tandem-test";
  const server = new (S3rver as new (options: object) => S3rverServer)({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  return {
    env: {
      STORAGE_URL: `s3://${bucket}`,
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_REGION: "us-east-1",
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
    },
    bucket,
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
