import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";

/** Rows read per query while a table is written out. */
const PAGE = 500;

/**
 * Columns never exported whatever a registry entry says: a safety net under `omitFromExport` for
 * password and token hashes, secrets and the demo's passwords.
 */
const SECRET = /password|secret|token|hash/i;

export interface TableShape {
  name: string;
  columns: string[];
  primaryKey: string[];
}

/** Every table of the application's schema with its columns (in order) and primary key, from the catalog. */
export async function catalog(db: Executor): Promise<Map<string, TableShape>> {
  const columns = await rowsOf<{ table_name: string; column_name: string }>(
    db,
    sql`select c.table_name, c.column_name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
        order by c.table_name, c.ordinal_position`,
  );
  const keys = await rowsOf<{ table_name: string; column_name: string }>(
    db,
    sql`select tc.table_name, k.column_name from information_schema.table_constraints tc
        join information_schema.key_column_usage k
          on k.constraint_schema = tc.constraint_schema and k.constraint_name = tc.constraint_name
        where tc.table_schema = current_schema() and tc.constraint_type = 'PRIMARY KEY'
        order by tc.table_name, k.ordinal_position`,
  );
  const tables = new Map<string, TableShape>();
  for (const { table_name: name, column_name: column } of columns) {
    const table = tables.get(name) ?? { name, columns: [], primaryKey: [] };
    table.columns.push(column);
    tables.set(name, table);
  }
  for (const { table_name: name, column_name: column } of keys) tables.get(name)?.primaryKey.push(column);
  return tables;
}

/** The columns of `table` an export writes: all but `omit` and anything secret. */
export const exportedColumns = (table: TableShape, omit: readonly string[] = []): string[] =>
  table.columns.filter((column) => !omit.includes(column) && !SECRET.test(column));

/**
 * A JSON array of the rows of `table` matching `where`, as bytes for a ZIP entry: one row per line, made
 * by the database (`row_to_json`: timestamps in ISO 8601, numbers and JSON as they are), read a page at a
 * time so a large table is never held whole. `onRow` counts what was written.
 */
export async function* tableJson(
  db: Executor,
  table: TableShape,
  columns: string[],
  where: SQL,
  onRows: (count: number) => void = () => {},
): AsyncGenerator<Buffer> {
  const selected = sql.join(
    columns.map((c) => sql.identifier(c)),
    sql`, `,
  );
  // A stable order for paging: the primary key, else the physical row position.
  const order = table.primaryKey.length
    ? sql.join(
        table.primaryKey.map((c) => sql.identifier(c)),
        sql`, `,
      )
    : sql`ctid`;
  yield Buffer.from("[");
  let first = true;
  for (let offset = 0; ; offset += PAGE) {
    const page = await rowsOf<{ j: string }>(
      db,
      sql`select row_to_json(t)::text as j from (
            select ${selected} from ${sql.identifier(table.name)} where ${where}
            order by ${order} limit ${PAGE} offset ${offset}
          ) t`,
    );
    if (page.length > 0) {
      yield Buffer.from(`${first ? "" : ","}\n${page.map((r) => r.j).join(",\n")}`);
      first = false;
      onRows(page.length);
    }
    if (page.length < PAGE) break;
  }
  yield Buffer.from(first ? "]\n" : "\n]\n");
}

async function rowsOf<T>(db: Executor, statement: SQL): Promise<T[]> {
  const result = await db.execute(statement);
  return (result as unknown as { rows: T[] }).rows;
}
