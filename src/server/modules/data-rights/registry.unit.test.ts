import { getTableConfig, type PgColumn, PgTable, pgTable, uuid } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { people } from "../people/people.table";
import { PERSONAL_DATA } from "./registry";

/**
 * The schema, discovered: every table of every `*.table.ts` (as drizzle.config.ts reads them), so a
 * table added tomorrow is seen here without anyone listing it.
 */
const schemaModules = import.meta.glob<Record<string, unknown>>(
  ["../../modules/*/*.table.ts", "../../platform/*/*.table.ts"],
  { eager: true },
);
const TABLES = [
  ...new Set(
    Object.values(schemaModules).flatMap((module) =>
      Object.values(module).filter((v) => v instanceof PgTable),
    ),
  ),
] as PgTable[];

const nameOf = (table: PgTable) => getTableConfig(table).name;

/**
 * A column names a person when it references `people.id`, or (an id without a foreign key) when its
 * name says so: person_id, author_id, owner_id, assignee_id, created_by, published_by…
 */
const PERSON_NAME =
  /^(person|author|owner|assignee|actor|recipient|organiser|manager|unblocker|requester|invitee|member|user|by)_id$|_by$/;

function personColumnsOf(table: PgTable): string[] {
  const config = getTableConfig(table);
  const byKey = config.foreignKeys.flatMap((fk) => {
    const ref = fk.reference();
    return nameOf(ref.foreignTable) === "people" && ref.foreignColumns.some((c) => c.name === "id")
      ? ref.columns.map((c) => c.name)
      : [];
  });
  const byName = config.columns
    .filter((c) => c.columnType === "PgUUID" && PERSON_NAME.test(c.name))
    .map((c) => c.name);
  const own = config.name === "people" ? ["id"] : [];
  return [...new Set([...own, ...byKey, ...byName])].sort();
}

const columnNames = (columns: readonly PgColumn[] | undefined) => (columns ?? []).map((c) => c.name).sort();

describe("the personal data registry", () => {
  it("finds the schema's tables (the discovery itself works)", () => {
    const names = TABLES.map(nameOf);
    expect(names).toEqual(expect.arrayContaining(["people", "updates", "checkin_answers", "erasures"]));
    expect(names.length).toBeGreaterThan(50);
  });

  it("covers every column of every table that names a person", () => {
    const missing: string[] = [];
    for (const table of TABLES) {
      const wanted = personColumnsOf(table);
      if (wanted.length === 0) continue;
      const entry = PERSONAL_DATA.find((e) => e.table === table);
      const listed = columnNames(entry?.personColumns);
      for (const column of wanted) if (!listed.includes(column)) missing.push(`${nameOf(table)}.${column}`);
    }
    expect(missing, "person columns with no entry in PERSONAL_DATA (registry.ts)").toEqual([]);
  });

  it("lists each table once, with columns of that table", () => {
    const names = PERSONAL_DATA.map((e) => nameOf(e.table));
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    for (const entry of PERSONAL_DATA) {
      const own = getTableConfig(entry.table).columns;
      const all = [
        ...entry.personColumns,
        ...(entry.omitFromExport ?? []),
        ...(entry.ownedBy ?? []),
        ...(entry.unlink ?? []),
        ...(entry.emailColumns ?? []),
      ];
      for (const column of all) expect(own, `${nameOf(entry.table)}.${column.name}`).toContain(column);
    }
  });

  it("says how each table is erased, consistently", () => {
    for (const entry of PERSONAL_DATA) {
      const table = nameOf(entry.table);
      expect(entry.personColumns.length + (entry.emailColumns?.length ?? 0), table).toBeGreaterThan(0);
      for (const column of entry.ownedBy ?? []) expect(entry.personColumns, table).toContain(column);
      for (const column of entry.unlink ?? []) {
        expect(entry.personColumns, table).toContain(column);
        expect(column.notNull, `${table}.${column.name} is unlinked, so must be nullable`).toBe(false);
      }
      if (entry.erase.kind === "keep") expect(entry.erase.why.length, table).toBeGreaterThan(10);
      if (entry.erase.kind === "anonymise") {
        const keys = Object.keys(entry.table);
        for (const key of Object.keys(entry.erase.set)) expect(keys, `${table}.${key}`).toContain(key);
      }
    }
  });

  it("never exports a secret: password, token and secret columns are left out", () => {
    const leaks: string[] = [];
    for (const entry of PERSONAL_DATA) {
      for (const column of getTableConfig(entry.table).columns) {
        if (!/password|token|secret|csrf/.test(column.name)) continue;
        if (!columnNames(entry.omitFromExport).includes(column.name))
          leaks.push(`${nameOf(entry.table)}.${column.name}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it("erases the person's own row last, as a former member", () => {
    const last = PERSONAL_DATA.at(-1);
    expect(last && nameOf(last.table)).toBe("people");
    expect(last?.erase).toMatchObject({ kind: "anonymise", set: { name: "A former member", active: false } });
  });

  it("sees a new table's person columns, by foreign key or by name (the check itself)", () => {
    const probe = pgTable("probe", {
      id: uuid("id").primaryKey(),
      reviewerId: uuid("reviewer_id").references(() => people.id),
      createdBy: uuid("created_by"),
      teamId: uuid("team_id"),
    });
    expect(personColumnsOf(probe)).toEqual(["created_by", "reviewer_id"]);
    expect(PERSONAL_DATA.some((e) => e.table === probe)).toBe(false);
  });
});
