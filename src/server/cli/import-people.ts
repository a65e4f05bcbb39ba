import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import type { ImportReport } from "../../contracts/onboarding";
import { importPeople } from "../modules/onboarding";
import { actorIn, CliError, resolveOrganisation, withServices } from "./context";
import { progressBar } from "./progress";

export function registerImportPeople(program: Command): void {
  program
    .command("import-people")
    .summary("invite people listed in a CSV file")
    .description(
      "add people from a CSV file with the columns name,email,role,timeZone,team and send each an " +
        "invitation; rows whose email exists are skipped, a malformed file imports nothing",
    )
    .argument("<file>", "the CSV file; the first line is the header")
    .requiredOption("--org <id-or-name>", "the organisation to import into")
    .option("--as <email>", "the admin or hr person the import is done as (default: the owner)")
    .addHelpText(
      "after",
      "\nExample file:\n  name,email,role,timeZone,team\n  Ana Silva,ana@example.org,member,America/Sao_Paulo,Platform",
    )
    .action(async (file: string, options: { org: string; as?: string }) => {
      const csv = await readFile(file, "utf8").catch((err: NodeJS.ErrnoException) => {
        throw new CliError(`Cannot read ${file}: ${err.code === "ENOENT" ? "no such file" : err.message}`);
      });
      await withServices(async (deps) => {
        const organisation = await resolveOrganisation(deps.db, options.org);
        const actor = await actorIn(deps.db, organisation.id, options.as);
        const bar = progressBar(process.stderr);
        const report = await importPeople(deps, actor, csv, bar.update).finally(bar.end);
        console.log(describeReport(report, organisation.name));
      });
    });
}

function describeReport(report: ImportReport, organisation: string): string {
  const lines = [
    `Imported into "${organisation}": ${report.created.length} created, ${report.skipped.length} skipped.`,
  ];
  const rows = [
    ...report.created.map((r) => ({ row: r.row, text: `created ${r.email} (invitation queued)` })),
    ...report.skipped.map((r) => ({ row: r.row, text: `skipped ${r.email}: ${r.reason}` })),
  ].sort((a, b) => a.row - b.row);
  for (const { row, text } of rows) lines.push(`  line ${row}: ${text}`);
  return lines.join("\n");
}
