import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../config";
import { openSecret, sealSecret } from "./secret-box";

const key = randomBytes(32);
const org = "0b6f6f0e-8a57-4a4f-9a0c-0d7d8d1f2a11";

describe("client secrets sealed with AES-256-GCM", () => {
  it("opens what it sealed, and the sealed text holds no trace of the plaintext", () => {
    const sealed = sealSecret(key, "s3cret-value", org);
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain("s3cret");
    expect(openSecret(key, sealed, org)).toBe("s3cret-value");
    expect(sealSecret(key, "s3cret-value", org)).not.toBe(sealed); // a fresh IV each time
  });

  it("refuses another key, another organisation, and an altered ciphertext", () => {
    const sealed = sealSecret(key, "s3cret-value", org);
    expect(openSecret(randomBytes(32), sealed, org)).toBeUndefined();
    expect(openSecret(key, sealed, "another-organisation")).toBeUndefined();
    const parts = sealed.split(".");
    const data = Buffer.from(parts[3] ?? "", "base64url");
    data[0] = (data[0] ?? 0) ^ 1;
    parts[3] = data.toString("base64url");
    expect(openSecret(key, parts.join("."), org)).toBeUndefined();
    expect(openSecret(key, "garbage", org)).toBeUndefined();
  });
});

describe("TANDEM_SECRET_KEY", () => {
  it("takes 32 bytes as hex or base64", () => {
    const bytes = randomBytes(32);
    expect(loadConfig({ TANDEM_SECRET_KEY: bytes.toString("hex") }).secretKey?.equals(bytes)).toBe(true);
    expect(loadConfig({ TANDEM_SECRET_KEY: bytes.toString("base64") }).secretKey?.equals(bytes)).toBe(true);
    expect(loadConfig({}).secretKey).toBeUndefined();
  });

  it("names the variable when the key is not 32 bytes", () => {
    expect(() => loadConfig({ TANDEM_SECRET_KEY: "too-short" })).toThrow(
      /TANDEM_SECRET_KEY: must be 32 random bytes/,
    );
    expect(() => loadConfig({ TANDEM_SECRET_KEY: randomBytes(16).toString("base64") })).toThrow(
      /TANDEM_SECRET_KEY/,
    );
  });
});
