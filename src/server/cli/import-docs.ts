import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import type { Command } from "commander";
import { and, eq, sql } from "drizzle-orm";
import { DOCUMENT_MAX } from "../../contracts/markdown";
import type { AudienceInput } from "../../contracts/updates";
import type { Deps } from "../deps";
import { createDocument, documents } from "../modules/documents";
import { teams } from "../modules/teams";
import type { Actor } from "../platform/http/actor";
import { actorIn, CliError, resolveOrganisation, withServices } from "./context";
import { progressBar } from "./progress";

/** A markdown file as a document: its first `# heading` is the title (else the file's name), the rest the body. */
export function documentOfFile(file: string, text: string): { title: string; body: string } {
  const source = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const heading = /^#[ \t]+(.+?)[ \t#]*(?:\n|$)/.exec(source.trimStart());
  if (heading?.[1])
    return { title: heading[1].trim(), body: source.trimStart().slice(heading[0].length).trim() };
  return { title: basename(file, extname(file)).trim(), body: source.trim() };
}

export function registerImportDocs(program: Command): void {
  program
    .command("import-docs")
    .summary("add markdown files as shared documents")
    .description(
      "add each markdown file as a shared document (version 1), titled by its first '# heading' or its " +
        "file name; a file whose title a document already has is skipped, so running it again adds only what is new",
    )
    .argument("<files...>", "markdown files")
    .requiredOption("--org <id-or-name>", "the organisation to add them to")
    .option("--as <email>", "who writes them (default: the owner)")
    .option("--team <name>", "share them with this team (default: the whole organisation)")
    .option("--tag <tag...>", "tags for every document")
    .addHelpText(
      "after",
      '\nExample:\n  tandem import-docs handbook/*.md --org "Northwind Remote" --tag handbook',
    )
    .action(async (files: string[], options: { org: string; as?: string; team?: string; tag?: string[] }) => {
      const read = await Promise.all(
        files.map(async (file) => {
          const text = await readFile(file, "utf8").catch((err: NodeJS.ErrnoException) => {
            throw new CliError(
              `Cannot read ${file}: ${err.code === "ENOENT" ? "no such file" : err.message}`,
            );
          });
          return { file, ...documentOfFile(file, text) };
        }),
      );
      await withServices(async (deps) => {
        const organisation = await resolveOrganisation(deps.db, options.org);
        const actor = await actorIn(deps.db, organisation.id, options.as);
        const audience = await audienceOf(deps, actor, options.team);
        const bar = progressBar(process.stderr);
        const lines: string[] = [];
        let created = 0;
        try {
          for (const [i, doc] of read.entries()) {
            bar.update(i, read.length);
            const skip = await reasonToSkip(deps, actor, doc);
            if (skip) lines.push(`  ${doc.file}: skipped: ${skip}`);
            else {
              const made = await createDocument(deps, actor, { ...doc, audience, tags: options.tag });
              lines.push(`  ${doc.file}: created "${made.title}" (/docs/${made.id})`);
              created += 1;
            }
          }
          bar.update(read.length, read.length);
        } finally {
          bar.end();
        }
        console.log(
          [
            `Imported into "${organisation.name}": ${created} created, ${read.length - created} skipped.`,
            ...lines,
          ].join("\n"),
        );
      });
    });
}

async function audienceOf(deps: Deps, actor: Actor, team: string | undefined): Promise<AudienceInput> {
  if (!team) return { organisation: true };
  const [row] = await deps.db
    .select({ id: teams.id })
    .from(teams)
    .where(
      and(
        eq(teams.organisationId, actor.organisationId),
        sql`lower(${teams.name}) = ${team.trim().toLowerCase()}`,
      ),
    );
  if (!row) throw new CliError(`No team named "${team}" in this organisation`);
  return { teamId: row.id };
}

async function reasonToSkip(deps: Deps, actor: Actor, doc: { title: string; body: string }) {
  if (!doc.title) return "it has no title (no '# heading' and no file name)";
  if (doc.title.length > 200) return "its title is longer than 200 characters";
  if (doc.body.length > DOCUMENT_MAX)
    return `it is longer than ${DOCUMENT_MAX.toLocaleString("en")} characters`;
  const [same] = await deps.db
    .select({ id: documents.id })
    .from(documents)
    .where(
      and(
        eq(documents.organisationId, actor.organisationId),
        sql`lower(${documents.title}) = ${doc.title.toLowerCase()}`,
      ),
    )
    .limit(1);
  return same ? `a document titled "${doc.title}" exists` : undefined;
}
