import type { Command } from "commander";
import { describeDatabase, withServices } from "./context";

export function registerMigrate(program: Command): void {
  program
    .command("migrate")
    .summary("apply pending database migrations and exit")
    .description(
      "create the database if needed, apply pending migrations and exit (serve does this too; " +
        "run it alone before starting several instances, or to check a deployment)",
    )
    .action(async () => {
      await withServices(async (deps, { migrations }) => {
        const where = describeDatabase(deps.config);
        const plural = (n: number) => `${n} migration${n === 1 ? "" : "s"}`;
        if (migrations.applied.length === 0) {
          console.log(`Nothing to apply: ${where} already has all ${plural(migrations.total)}.`);
        } else {
          console.log(`Applied ${plural(migrations.applied.length)} to ${where}:`);
          for (const tag of migrations.applied) console.log(`  ${tag}`);
          console.log(`The database is up to date (${plural(migrations.total)}).`);
        }
      });
    });
}
