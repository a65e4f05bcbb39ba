import { describe, expect, it } from "vitest";
import { storageOrigins } from "./index";

const s3 = { endpoint: undefined, region: "eu-west-1", accessKeyId: undefined, secretAccessKey: undefined };

describe("storageOrigins (the CSP's media-src)", () => {
  it("names no other origin for files on disk", () => {
    expect(storageOrigins({ storageUrl: "file:", dataDir: "./data", s3 })).toEqual([]);
  });
  it("names an S3-compatible endpoint's origin, or the AWS bucket's", () => {
    const endpoint = { ...s3, endpoint: "https://minio.example.org:9000/some/path" };
    expect(storageOrigins({ storageUrl: "s3://media", dataDir: "", s3: endpoint })).toEqual([
      "https://minio.example.org:9000",
    ]);
    expect(storageOrigins({ storageUrl: "s3://media/tandem", dataDir: "", s3 })).toEqual([
      "https://media.s3.eu-west-1.amazonaws.com",
      "https://media.s3.amazonaws.com",
    ]);
  });
});
