import { resolve } from "node:path";
import type { Command } from "commander";
import { loadConfig } from "../config";
import { announceServer } from "../modules/operations";
import { startRuntime } from "../runtime";
import { describeDatabase } from "./context";

export function registerServe(program: Command): void {
  program
    .command("serve")
    .summary("start Tandem: the API, the web app and the job worker")
    .description(
      "start the API, the web app and the job worker; creates and migrates the database on first start. " +
        "TANDEM_ROLE=api|worker runs one half. Stops cleanly on SIGTERM or Ctrl-C.",
    )
    .action(async () => {
      const started = Date.now();
      const config = loadConfig();
      const runtime = await startRuntime(config);
      const where = config.role === "worker" ? "job worker" : `http://${config.host}:${config.port}`;
      // The embedded database serves this process alone: `tandem backup` finds it through this file.
      const address = runtime.app?.server.address();
      const announced = config.databaseUrl
        ? undefined
        : await announceServer(resolve(config.dataDir), {
            host: config.host,
            port: address && typeof address === "object" ? address.port : config.port,
          });
      console.log(`Tandem is ready: ${where}, ${describeDatabase(config)} (${Date.now() - started} ms)`);
      const shutdown = async (signal: string) => {
        console.log(`${signal}: shutting down`);
        try {
          await announced?.remove();
          await runtime.stop();
          console.log("Tandem stopped");
          process.exit(0);
        } catch (err) {
          console.error(`Tandem did not stop cleanly: ${err instanceof Error ? err.message : String(err)}`);
          process.exit(1);
        }
      };
      process.once("SIGTERM", () => void shutdown("SIGTERM"));
      process.once("SIGINT", () => void shutdown("SIGINT"));
    });
}
