import type { Readable } from "node:stream";
import { pipeline } from "node:stream";
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { limitBytes } from "./limit-bytes";
import { type Storage, TooLargeError } from "./storage";

interface S3Options {
  endpoint: string | undefined;
  region: string;
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
}

/**
 * Any S3-compatible store (issue 14), named `s3://bucket/optional/prefix`. Writes stream through a
 * multipart upload (a few 5 MB parts in memory at most); reads take byte ranges; the browser may be
 * handed a signed address instead of the bytes.
 */
export function s3Storage(url: string, s3: S3Options): Storage {
  // The SDK warns on every start that it will soon require Node 22; we run on Node 20 knowingly.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  const [bucket = "", ...folders] = url.slice("s3://".length).split("/");
  const prefix = folders.filter(Boolean).join("/");
  const keyOf = (key: string) => (prefix ? `${prefix}/${key}` : key);
  const client = new S3Client({
    region: s3.region,
    endpoint: s3.endpoint,
    // A custom endpoint (MinIO, Ceph, R2, …) rarely has a DNS name per bucket.
    forcePathStyle: s3.endpoint !== undefined,
    credentials:
      s3.accessKeyId && s3.secretAccessKey
        ? { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey }
        : undefined,
    // Checksums only where S3 demands them: not every S3-compatible store reads the newer headers.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });

  return {
    kind: "s3",
    async put(key, body, { maxBytes, contentType }) {
      const counter = limitBytes(maxBytes);
      const upload = new Upload({
        client,
        params: {
          Bucket: bucket,
          Key: keyOf(key),
          Body: pipeline(body, counter, () => {}),
          ContentType: contentType,
        },
        queueSize: 2,
      });
      try {
        await upload.done();
        return { bytes: counter.bytes };
      } catch (error) {
        counter.destroy();
        // The body's own failure (a sniffer's refusal, a dropped connection) says more than the store's.
        const cause = counter.errored;
        if (!(cause instanceof TooLargeError)) throw cause ?? error;
        // The multipart upload is aborted by Upload itself; the earlier object goes too.
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: keyOf(key) }));
        throw cause;
      }
    },
    async read(key, range) {
      const { Body } = await client.send(
        new GetObjectCommand({
          Bucket: bucket,
          Key: keyOf(key),
          Range: range ? `bytes=${range.start}-${range.end}` : undefined,
        }),
      );
      return Body as Readable;
    },
    async size(key) {
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: keyOf(key) }));
        return head.ContentLength ?? 0;
      } catch (error) {
        if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404)
          return null;
        throw error;
      }
    },
    async deletePrefix(folder) {
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: keyOf(folder), ContinuationToken: token }),
        );
        const objects = (page.Contents ?? []).map(({ Key }) => ({ Key }));
        if (objects.length > 0)
          await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects } }));
        token = page.NextContinuationToken;
      } while (token);
    },
    signedUrl(key, { expiresSeconds, contentType }) {
      const get = new GetObjectCommand({ Bucket: bucket, Key: keyOf(key), ResponseContentType: contentType });
      return getSignedUrl(client, get, { expiresIn: expiresSeconds });
    },
    async close() {
      client.destroy();
    },
  };
}
