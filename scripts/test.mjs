#!/usr/bin/env node
// `npm test`: every check, leg by leg — static (types, lint, boundaries), unit, integration on
// the embedded database, integration on PostgreSQL (when TEST_DATABASE_URL is set), browser.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { ensureChromium } from "./ensure-chromium.mjs";

const started = Date.now();
const summary = [];
const fail = (leg, why) => {
  summary.push(`${leg}: FAILED (${why})`);
  finish(1);
};

function run(leg, cmd, args, env = {}) {
  console.log(`\n── ${leg}: ${cmd} ${args.join(" ")}`);
  const res = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (res.status !== 0) fail(leg, `exit code ${res.status}`);
}

function vitest(leg, project, env = {}) {
  mkdirSync(".tmp", { recursive: true });
  const out = `.tmp/vitest-${leg.replace(/\W+/g, "-")}.json`;
  run(
    leg,
    "npx",
    ["vitest", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile=${out}`],
    env,
  );
  const report = JSON.parse(readFileSync(out, "utf8"));
  if (report.numTotalTests === 0) fail(leg, "no tests ran");
  summary.push(`${leg}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}

function finish(code) {
  console.log(`\n══ npm test (${Math.round((Date.now() - started) / 1000)} s)`);
  for (const line of summary) console.log(`  ${line}`);
  process.exit(code);
}

const only = process.argv[2];
const want = (leg) => !only || only === leg;

if (want("static")) {
  run("typecheck", "npx", ["tsc", "--noEmit"]);
  run("lint", "npx", ["biome", "check", "."]);
  run("boundaries", "npx", ["depcruise", "src", "--config", ".dependency-cruiser.cjs"]);
  summary.push("static: typecheck, lint, boundaries passed");
}
if (want("unit")) {
  vitest("unit", "unit");
  // Time code must never depend on the process zone: run it again far from UTC.
  vitest("unit (TZ=Pacific/Chatham)", "unit", { TZ: "Pacific/Chatham" });
}
if (want("pglite")) vitest("integration (PGlite)", "integration", { TANDEM_TEST_DB: "pglite" });
if (want("postgres")) {
  if (process.env.TEST_DATABASE_URL) {
    vitest("integration (PostgreSQL)", "integration", { TANDEM_TEST_DB: "postgres" });
  } else if (process.env.CI) {
    fail("integration (PostgreSQL)", "CI is set but TEST_DATABASE_URL is not");
  } else {
    summary.push("integration (PostgreSQL): not run — set TEST_DATABASE_URL=postgres://… to run it");
  }
}
if (want("browser")) {
  const chromium = ensureChromium();
  run("build", "npx", ["vite", "build", "--logLevel", "warn"]);
  vitest("browser", "e2e", { TANDEM_CHROMIUM: chromium });
}
finish(0);
