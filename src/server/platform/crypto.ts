import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

/** A URL-safe random secret with 256 bits of entropy, optionally prefixed ("tdm_"). */
export function randomToken(prefix = ""): string {
  return prefix + randomBytes(32).toString("base64url");
}

/** Secrets are stored as their SHA-256: a leaked table reveals no usable token. */
export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

// argon2id with the library defaults (m=19 MiB, t=2, p=1: OWASP's baseline).
export const hashPassword = (password: string) => hash(password);
export const verifyPassword = (stored: string, password: string) =>
  verify(stored, password).catch(() => false);

/** A hash of a random password: verifying against it costs the same as a real account. */
export const DUMMY_HASH_PROMISE = hashPassword(randomToken());
