import { z } from "zod";
import { type TrustProxy, trustProxySetting } from "./platform/http/trust-proxy";

const bool = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1")
  .optional();

const schema = z.object({
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  TANDEM_DATA_DIR: z.string().min(1).default("./data"),
  TANDEM_ROLE: z.enum(["all", "api", "worker"]).default("all"),
  TANDEM_OPEN_SIGNUP: bool,
  TANDEM_PUBLIC_URL: z.url().optional(),
  TANDEM_TRUST_PROXY: trustProxySetting.optional(),
  TANDEM_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TANDEM_SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  TANDEM_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  TANDEM_ACK_REMINDER_DAYS: z.coerce.number().int().min(0).max(365).default(3),
  TANDEM_INVITATION_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  SMTP_FROM: z.string().min(3).default("Tandem <tandem@localhost>"),
  TANDEM_ADMIN_PASSWORD: z.string().optional(),
  ICS_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  TANDEM_ALLOW_PRIVATE_URLS: bool,
  ICS_TIME_BUDGET_MS: z.coerce.number().int().min(50).max(600_000).default(10_000),
  TANDEM_WORKER_HEAP_MB: z.coerce.number().int().min(32).max(16_384).default(512),
  TANDEM_METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  STORAGE_URL: z
    .string()
    .regex(
      /^(file:|s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$)/,
      "must be file: (or file:/a/folder) or s3://bucket",
    )
    .default("file:"),
  S3_ENDPOINT: z.url({ message: "must be a URL such as https://s3.eu-west-1.amazonaws.com" }).optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  RECORDING_MAX_MINUTES: z.coerce.number().int().min(1).max(240).default(15),
  RECORDING_MAX_MB: z.coerce.number().int().min(1).max(10_240).default(500),
  TANDEM_SECRET_KEY: z
    .string()
    .refine(
      (v) => secretKeyBytes(v) !== undefined,
      "must be 32 random bytes written as 64 hex digits or as base64 (openssl rand -base64 32)",
    )
    .optional(),
});

/** 32 bytes from 64 hex digits or from base64 (standard or URL-safe), else undefined. */
function secretKeyBytes(value: string): Buffer | undefined {
  const bytes = /^[0-9a-fA-F]{64}$/.test(value)
    ? Buffer.from(value, "hex")
    : /^[A-Za-z0-9+/_-]{43}=?$/.test(value)
      ? Buffer.from(value, "base64")
      : undefined;
  return bytes?.length === 32 ? bytes : undefined;
}

export interface Config {
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  role: "all" | "api" | "worker";
  openSignup: boolean;
  publicUrl: string;
  /** Proxies in front of Tandem whose `X-Forwarded-For` entries are believed (false: none). */
  trustProxy: TrustProxy;
  logLevel: string;
  sessionDays: number;
  rateLimitPerMinute: number;
  /** Days after a new agreement version before pending people get an email reminder (0: never). */
  ackReminderDays: number;
  invitationDays: number;
  smtpUrl: string | undefined;
  smtpFrom: string;
  /** `tandem create-admin` reads the password from here to keep it out of shell history. */
  adminPassword: string | undefined;
  /** Largest calendar file accepted (upload or URL), in bytes. */
  icsMaxBytes: number;
  /** Lets outbound requests (ICS URLs) reach private, loopback and link-local addresses: an instance setting only. */
  allowPrivateUrls: boolean;
  /** How long reading one calendar may run in a worker thread before the thread is ended. */
  icsTimeBudgetMs: number;
  /** Heap each worker thread may use (ICS reading) before it is ended, in MB. */
  workerHeapMb: number;
  /** When set, /metrics needs `Authorization: Bearer <token>`; unset, it answers loopback callers only. */
  metricsToken: string | undefined;
  /** Where recordings are kept: `file:` (under the data directory), `file:/a/folder`, or `s3://bucket/prefix`. */
  storageUrl: string;
  /** For `s3://`: any S3-compatible store; the endpoint unset means AWS itself. */
  s3: {
    endpoint: string | undefined;
    region: string;
    accessKeyId: string | undefined;
    secretAccessKey: string | undefined;
  };
  /** A recording's limits: the recorder stops there, the server refuses past them. */
  recordingMaxBytes: number;
  recordingMaxDurationMs: number;
  /** TANDEM_SECRET_KEY: the AES-256-GCM key for secrets kept in the database (SSO client secrets). */
  secretKey: Buffer | undefined;
}

export class ConfigError extends Error {}

/** The only reader of process.env: validates every variable and names each bad one. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(
      `Invalid configuration:\n${lines.join("\n")}\nSee .env.example for every variable.`,
    );
  }
  const c = parsed.data;
  return {
    host: c.HOST,
    port: c.PORT,
    databaseUrl: c.DATABASE_URL,
    dataDir: c.TANDEM_DATA_DIR,
    role: c.TANDEM_ROLE,
    openSignup: c.TANDEM_OPEN_SIGNUP ?? false,
    publicUrl: (c.TANDEM_PUBLIC_URL ?? `http://${c.HOST}:${c.PORT}`).replace(/\/$/, ""),
    trustProxy: c.TANDEM_TRUST_PROXY ?? false,
    logLevel: c.TANDEM_LOG_LEVEL,
    sessionDays: c.TANDEM_SESSION_DAYS,
    rateLimitPerMinute: c.TANDEM_RATE_LIMIT,
    ackReminderDays: c.TANDEM_ACK_REMINDER_DAYS,
    invitationDays: c.TANDEM_INVITATION_DAYS,
    smtpUrl: c.SMTP_URL,
    smtpFrom: c.SMTP_FROM,
    adminPassword: c.TANDEM_ADMIN_PASSWORD,
    icsMaxBytes: c.ICS_MAX_BYTES,
    allowPrivateUrls: c.TANDEM_ALLOW_PRIVATE_URLS ?? false,
    icsTimeBudgetMs: c.ICS_TIME_BUDGET_MS,
    workerHeapMb: c.TANDEM_WORKER_HEAP_MB,
    metricsToken: c.TANDEM_METRICS_TOKEN,
    storageUrl: c.STORAGE_URL,
    s3: {
      endpoint: c.S3_ENDPOINT,
      region: c.S3_REGION,
      accessKeyId: c.S3_ACCESS_KEY_ID,
      secretAccessKey: c.S3_SECRET_ACCESS_KEY,
    },
    recordingMaxBytes: c.RECORDING_MAX_MB * 1024 * 1024,
    recordingMaxDurationMs: c.RECORDING_MAX_MINUTES * 60_000,
    secretKey: c.TANDEM_SECRET_KEY === undefined ? undefined : secretKeyBytes(c.TANDEM_SECRET_KEY),
  };
}
