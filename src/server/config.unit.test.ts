import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error("loadConfig accepted a bad configuration");
}

describe("loadConfig", () => {
  it("uses the documented defaults when nothing is set", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: "127.0.0.1",
      port: 3000,
      dataDir: "./data",
      databaseUrl: undefined,
      role: "all",
      openSignup: false,
      trustProxy: false,
      publicUrl: "http://127.0.0.1:3000",
      logLevel: "info",
      sessionDays: 30,
      invitationDays: 7,
      adminPassword: undefined,
    });
  });

  it("names every bad variable in one error", () => {
    const err = errorOf({ PORT: "abc", DATABASE_URL: "mysql://db.example/tandem", TANDEM_ROLE: "x" });
    expect(err.message).toContain("Invalid configuration");
    const named = err.message.split("\n").filter((line) => /^\s+[A-Z_]+:/.test(line));
    expect(named.map((line) => line.trim().split(":")[0]).sort()).toEqual([
      "DATABASE_URL",
      "PORT",
      "TANDEM_ROLE",
    ]);
    expect(err.message).toContain("must start with postgres://");
  });

  it("reads values, booleans and the admin password", () => {
    const config = loadConfig({
      HOST: "0.0.0.0",
      PORT: "8080",
      DATABASE_URL: "postgres://u@db:5432/tandem",
      TANDEM_TRUST_PROXY: "true",
      TANDEM_OPEN_SIGNUP: "1",
      TANDEM_PUBLIC_URL: "https://tandem.example.org/",
      TANDEM_ADMIN_PASSWORD: "from the environment",
    });
    expect(config).toMatchObject({
      host: "0.0.0.0",
      port: 8080,
      databaseUrl: "postgres://u@db:5432/tandem",
      trustProxy: 1,
      openSignup: true,
      publicUrl: "https://tandem.example.org",
      adminPassword: "from the environment",
    });
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ PORT: "", DATABASE_URL: "" })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });

  it("rejects a boolean that is neither true nor false", () => {
    expect(errorOf({ TANDEM_TRUST_PROXY: "yes" }).message).toContain("TANDEM_TRUST_PROXY");
  });

  it("reads TANDEM_TRUST_PROXY as one hop (true), a number of hops, or a list of proxy addresses", () => {
    const trustOf = (value: string) => loadConfig({ TANDEM_TRUST_PROXY: value }).trustProxy;
    expect(trustOf("true")).toBe(1);
    expect(trustOf("false")).toBe(false);
    expect(trustOf("2")).toBe(2);
    expect(trustOf("loopback, 10.0.0.0/8,2001:db8::1")).toEqual(["loopback", "10.0.0.0/8", "2001:db8::1"]);
    for (const bad of ["10.0.0.0/33", "10.0.0.0/8,proxy.example", "1000"]) {
      expect(errorOf({ TANDEM_TRUST_PROXY: bad }).message, bad).toContain(
        "comma-separated list of proxy addresses",
      );
    }
  });

  it("reads the calendar limits: ICS_MAX_BYTES (10 MiB) and TANDEM_ALLOW_PRIVATE_URLS (false)", () => {
    expect(loadConfig({})).toMatchObject({ icsMaxBytes: 10 * 1024 * 1024, allowPrivateUrls: false });
    expect(loadConfig({ ICS_MAX_BYTES: "2048", TANDEM_ALLOW_PRIVATE_URLS: "true" })).toMatchObject({
      icsMaxBytes: 2048,
      allowPrivateUrls: true,
    });
    expect(errorOf({ ICS_MAX_BYTES: "12" }).message).toContain("ICS_MAX_BYTES");
  });
});
