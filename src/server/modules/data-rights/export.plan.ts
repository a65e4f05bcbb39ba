import { and, eq, type SQL, sql } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/pg-core";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { meetingAttendees } from "../meetings/meetings.table";
import { people } from "../people";
import { posterKey, recordings, videoKey } from "../recordings";
import { catalog, exportedColumns, type TableShape } from "./export.tables";
import { PERSONAL_DATA, type PersonalTable } from "./registry";

/** One table's file in an export: which rows, which columns. */
export interface TablePart {
  file: string;
  table: TableShape;
  columns: string[];
  where: SQL;
  /** The columns naming the person (README); none for an organisation export. */
  personColumns: string[];
}

/** A stored file copied into the export. */
export interface FilePart {
  name: string;
  key: string;
}

export interface ExportPlan {
  tables: TablePart[];
  files: FilePart[];
}

/**
 * Rows shared with the person that name them only through another table: a meeting they attended
 * (not organised) is theirs too, as its row is what the attendance refers to.
 */
const REACHED_THROUGH: Record<string, (organisationId: string, personId: string) => SQL> = {
  meetings: (organisationId, personId) =>
    sql`${sql.identifier("id")} in (select ${meetingAttendees.meetingId} from ${meetingAttendees}
      where ${meetingAttendees.organisationId} = ${organisationId} and ${meetingAttendees.personId} = ${personId})`,
};

/**
 * What an organisation export leaves out, by the same privacy rules as the app (core/access.ts): no role
 * reads another person's private notes, individual check-in answers (pulse included) or personal
 * insights, so the owner's export holds that they exist, not what they say. "*" leaves the table out.
 */
export const ORGANISATION_WITHHELD: Record<string, readonly string[] | "*"> = {
  meeting_private_notes: ["body"],
  checkin_answers: ["text", "value", "unblocker_id"],
  insight_weeks: "*",
  document_drafts: ["title", "body"],
};

const EXTENSIONS: Record<string, string> = {
  "video/webm": "webm",
  "video/mp4": "mp4",
  "video/quicktime": "mov",
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
};
const extensionOf = (type: string | null) => EXTENSIONS[(type ?? "").split(";")[0] ?? ""] ?? "bin";

/** The registry's entries by table name (two entries for one table are merged). */
function registryByTable(registry: readonly PersonalTable[]) {
  const byName = new Map<string, { personColumns: string[]; emailColumns: string[]; omit: string[] }>();
  for (const entry of registry) {
    const name = getTableConfig(entry.table).name;
    const known = byName.get(name) ?? { personColumns: [], emailColumns: [], omit: [] };
    known.personColumns.push(...entry.personColumns.map((c) => c.name));
    known.emailColumns.push(...(entry.emailColumns ?? []).map((c) => c.name));
    known.omit.push(...(entry.omitFromExport ?? []).map((c) => c.name));
    byName.set(name, known);
  }
  return byName;
}

const column = (name: string) => sql.identifier(name);
const tenant = (table: TableShape, organisationId: string) =>
  table.columns.includes("organisation_id")
    ? sql`${column("organisation_id")} = ${organisationId}`
    : undefined;

/**
 * A person's export: for each table of the registry, the rows where any of its person columns is
 * theirs (or that they reach as above), without the columns it omits; then their own ready
 * recordings' videos.
 */
export async function personPlan(
  deps: Pick<Deps, "db">,
  organisationId: string,
  personId: string,
  registry: readonly PersonalTable[] = PERSONAL_DATA,
): Promise<ExportPlan> {
  const shapes = await catalog(deps.db);
  const [person] = await deps.db
    .select({ email: people.email })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.id, personId)));
  const tables: TablePart[] = [];
  for (const [name, entry] of registryByTable(registry)) {
    const table = shapes.get(name);
    if (!table) continue;
    const personColumns = [...new Set(entry.personColumns)];
    const emailColumns = [...new Set(entry.emailColumns)];
    const theirs = [
      ...personColumns.map((c) => sql`${column(c)} = ${personId}`),
      ...(person ? emailColumns.map((c) => sql`lower(${column(c)}) = lower(${person.email})`) : []),
      ...(REACHED_THROUGH[name] ? [REACHED_THROUGH[name](organisationId, personId)] : []),
    ];
    const mine = theirs.length ? sql`(${sql.join(theirs, sql` or `)})` : sql`false`;
    const scope = tenant(table, organisationId);
    tables.push({
      file: `${name}.json`,
      table,
      columns: exportedColumns(table, entry.omit),
      where: scope ? sql`${scope} and ${mine}` : mine,
      personColumns: [...personColumns, ...emailColumns],
    });
  }
  const owned = await readyRecordings(deps.db, organisationId, personId);
  const files = owned.map((r) => ({
    name: `recordings/${r.id}.${extensionOf(r.mimeType ?? r.declaredType)}`,
    key: videoKey(organisationId, r.id),
  }));
  return { tables: tables.sort(byFile), files };
}

/**
 * The organisation's export: every table of the schema with an `organisation_id`, its rows of this
 * organisation (and its own row of `organisations`), without the columns the registry omits or
 * ORGANISATION_WITHHELD keeps private; then every ready recording's video and poster frame.
 */
export async function organisationPlan(
  deps: Pick<Deps, "db">,
  organisationId: string,
  registry: readonly PersonalTable[] = PERSONAL_DATA,
): Promise<ExportPlan> {
  const shapes = await catalog(deps.db);
  const omitted = registryByTable(registry);
  const tables: TablePart[] = [];
  for (const table of shapes.values()) {
    const where =
      table.name === "organisations"
        ? sql`${column("id")} = ${organisationId}`
        : tenant(table, organisationId);
    const withheld = ORGANISATION_WITHHELD[table.name] ?? [];
    if (!where || withheld === "*") continue;
    const omit = [...(omitted.get(table.name)?.omit ?? []), ...withheld];
    tables.push({
      file: `${table.name}.json`,
      table,
      columns: exportedColumns(table, omit),
      where,
      personColumns: [],
    });
  }
  const files: FilePart[] = [];
  for (const r of await readyRecordings(deps.db, organisationId)) {
    const name = `recordings/${r.id}`;
    files.push({
      name: `${name}.${extensionOf(r.mimeType ?? r.declaredType)}`,
      key: videoKey(organisationId, r.id),
    });
    if (r.posterType)
      files.push({
        name: `${name}-poster.${extensionOf(r.posterType)}`,
        key: posterKey(organisationId, r.id),
      });
  }
  return { tables: tables.sort(byFile), files };
}

const byFile = (a: TablePart, b: TablePart) => a.file.localeCompare(b.file);

function readyRecordings(db: Executor, organisationId: string, ownerId?: string) {
  return db
    .select({
      id: recordings.id,
      mimeType: recordings.mimeType,
      declaredType: recordings.declaredType,
      posterType: recordings.posterType,
    })
    .from(recordings)
    .where(
      and(
        eq(recordings.organisationId, organisationId),
        eq(recordings.status, "ready"),
        ownerId ? eq(recordings.ownerId, ownerId) : undefined,
      ),
    )
    .orderBy(recordings.createdAt, recordings.id);
}
