import { defineConfig } from "vitest/config";

/** Three projects, run as separate legs by scripts/test.mjs: unit (pure), integration (database), e2e (Chromium). */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["src/core/**/*.test.ts", "src/contracts/**/*.test.ts", "src/**/*.unit.test.ts"],
        },
      },
      {
        test: {
          name: "integration",
          include: ["src/server/**/*.test.ts", "test/**/*.test.ts"],
          exclude: ["src/**/*.unit.test.ts"],
          globalSetup: ["test/support/global-setup.ts"],
          setupFiles: ["test/support/close-envs.setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: "forks",
          isolate: false,
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          // expect.poll gives up after 1 s by default: too short for a page round trip on a loaded CI machine.
          expect: { poll: { timeout: 15_000 } },
          testTimeout: 90_000,
          hookTimeout: 120_000,
          maxWorkers: 1,
        },
      },
    ],
  },
});
