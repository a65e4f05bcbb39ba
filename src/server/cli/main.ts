import { Command } from "commander";
import { ConfigError, loadConfig } from "../config";
import { startRuntime } from "../runtime";

const program = new Command()
  .name("tandem")
  .description(
    "Tandem: balance synchronous and asynchronous work. Configuration comes from environment variables (see .env.example).",
  )
  .showHelpAfterError();

program
  .command("serve")
  .description("start the API, the web app and the job worker (TANDEM_ROLE=api|worker to split them)")
  .action(async () => {
    const started = Date.now();
    const runtime = await startRuntime(loadConfig());
    const { host, port } = runtime.deps.config;
    console.log(
      `Tandem is ready on http://${host}:${port} (${runtime.deps.database.kind}, ${Date.now() - started} ms)`,
    );
    const shutdown = async (signal: string) => {
      console.log(`${signal}: shutting down`);
      await runtime.stop();
      process.exit(0);
    };
    process.once("SIGTERM", () => void shutdown("SIGTERM"));
    process.once("SIGINT", () => void shutdown("SIGINT"));
  });

program.parseAsync().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
