import type { ImportAnswer, ImportReport } from "../../../contracts/onboarding";
import { IMPORT_SYNC_MAX_ROWS } from "../../../contracts/onboarding";
import type { Deps } from "../../deps";
import type { Actor } from "../../platform/http/actor";
import { enqueueImport } from "./import.job";
import { checkedRows } from "./import.rows";
import { IMPORT_CHUNK_ROWS, recordImported, writeImportChunk } from "./import.write";
import { loadSender } from "./onboarding.service";

/**
 * Imports people from CSV (name,email,role,timeZone,team) and invites each one. A malformed
 * file is rejected whole (400 naming each line); rows whose email is already in the
 * organisation, or earlier in the file, are skipped with a reason. A team that does not exist
 * yet is created. Everything commits in one transaction. The CLI's door: any size, here and now.
 */
export async function importPeople(
  deps: Deps,
  actor: Actor,
  csvText: string,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportReport> {
  const rows = checkedRows(actor, csvText);
  return deps.db.transaction(async (tx) => {
    const sender = await loadSender(tx, actor);
    const report: ImportReport = { created: [], skipped: [] };
    for (let start = 0; start < rows.length; start += IMPORT_CHUNK_ROWS) {
      const chunk = rows.slice(start, start + IMPORT_CHUNK_ROWS);
      await writeImportChunk(tx, deps, sender, chunk, report);
      for (let done = start + 1; done <= start + chunk.length; done++) onProgress?.(done, rows.length);
    }
    await recordImported(tx, actor, report);
    return report;
  });
}

/** The web's door: up to IMPORT_SYNC_MAX_ROWS rows import at once; a larger file runs as a job. */
export async function submitImport(deps: Deps, actor: Actor, csvText: string): Promise<ImportAnswer> {
  const rows = checkedRows(actor, csvText);
  if (rows.length <= IMPORT_SYNC_MAX_ROWS) return importPeople(deps, actor, csvText);
  return { import: await enqueueImport(deps, actor, csvText, rows.length) };
}
