import { Command } from "commander";
import { ConfigError } from "../config";
import { AppError } from "../platform/errors";
import { registerBackup } from "./backup";
import { CliError } from "./context";
import { registerCreateAdmin } from "./create-admin";
import { registerImportDocs } from "./import-docs";
import { registerImportPeople } from "./import-people";
import { registerMigrate } from "./migrate";
import { registerSeed } from "./seed";
import { registerServe } from "./serve";

const program = new Command()
  .name("tandem")
  .description("Tandem: balance synchronous and asynchronous work across time zones.")
  .addHelpText(
    "after",
    `
Configuration comes from environment variables (see .env.example): DATABASE_URL=postgres://…
selects PostgreSQL; without it Tandem uses the embedded database in TANDEM_DATA_DIR (./data).
The embedded database serves one process at a time: stop \`tandem serve\` before other commands.

Examples:
  tandem seed --demo                 load demo data, then sign in with what it prints
  tandem serve                       serve on http://127.0.0.1:3000 (HOST, PORT)
  tandem import-people team.csv --org "Northwind Remote"
  tandem import-docs handbook/*.md --org "Northwind Remote" --tag handbook
  tandem <command> --help            everything about one command`,
  )
  .showHelpAfterError();

registerServe(program);
registerMigrate(program);
registerSeed(program);
registerCreateAdmin(program);
registerImportPeople(program);
registerImportDocs(program);
registerBackup(program);

program.parseAsync().catch((err: unknown) => {
  console.error(messageOf(err));
  process.exit(1);
});

function messageOf(err: unknown): string {
  if (err instanceof ConfigError || err instanceof CliError) return err.message;
  if (err instanceof AppError) return `Error: ${err.message}`;
  return `Error: ${err instanceof Error ? err.message : String(err)}`;
}
