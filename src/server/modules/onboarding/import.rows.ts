import { z } from "zod";
import { email, name, ROLES, type Role, timeZone } from "../../../contracts/common";
import { IMPORT_COLUMNS } from "../../../contracts/onboarding";
import { AppError } from "../../platform/errors";
import { type Actor, authorize } from "../../platform/http/actor";
import { assertMayGrantRole } from "../people";
import { CsvSyntaxError, parseCsv } from "./csv";

export interface ImportRow {
  line: number;
  name: string;
  email: string;
  role: Role;
  timeZone: string;
  /** A team name, or undefined when the cell is empty. */
  team: string | undefined;
}

interface Problem {
  line: number;
  message: string;
}

const MAX_LISTED = 100;
const role = z.enum(ROLES, { message: `must be one of ${ROLES.join(", ")}` });
const HEADER = IMPORT_COLUMNS.join(",");

/**
 * Reads a people file (header name,email,role,timeZone,team, then one person a row). Any
 * problem on any row rejects the whole file with a 400 naming each line, so nothing is
 * half-imported. Blank lines are ignored.
 */
export function readImportFile(text: string): ImportRow[] {
  const records = parseRecords(text);
  const [header, ...body] = records;
  const headerCells = header?.fields.map((f) => f.trim().toLowerCase());
  if (!header || headerCells?.join(",") !== HEADER.toLowerCase()) {
    throw rejected([{ line: header?.line ?? 1, message: `the first line must be the header ${HEADER}` }]);
  }
  const rows: ImportRow[] = [];
  const problems: Problem[] = [];
  const zone = memoised(timeZone);
  for (const { line, fields } of body) {
    if (fields.length === 1 && fields[0]?.trim() === "") continue;
    if (fields.length !== IMPORT_COLUMNS.length) {
      problems.push({ line, message: `expected ${IMPORT_COLUMNS.length} columns, found ${fields.length}` });
      continue;
    }
    const [nameCell, emailCell, roleCell, zoneCell, teamCell] = fields.map((f) => f.trim()) as string[];
    const cell = <T>(column: string, schema: Checker<T>, value: string | undefined): T | undefined => {
      const parsed = schema.safeParse(value);
      if (parsed.success) return parsed.data;
      problems.push({ line, message: `${column} ${parsed.error.issues[0]?.message ?? "is invalid"}` });
      return undefined;
    };
    const row = {
      line,
      name: cell("name", name, nameCell),
      email: cell("email", email, emailCell),
      role: cell("role", role, roleCell?.toLowerCase()),
      timeZone: cell("timeZone", zone, zoneCell),
      team: teamCell ? cell("team", name, teamCell) : undefined,
    };
    if (row.name && row.email && row.role && row.timeZone) rows.push(row as ImportRow);
  }
  if (problems.length > 0) throw rejected(problems);
  return rows;
}

type Checker<T> = Pick<z.ZodType<T>, "safeParse">;

/** A file names few zones many times, and checking one costs an Intl formatter: check each once. */
function memoised<T>(schema: z.ZodType<T>): Checker<T> {
  const seen = new Map<unknown, ReturnType<z.ZodType<T>["safeParse"]>>();
  return {
    safeParse(value: unknown) {
      const known = seen.get(value);
      if (known) return known;
      const result = schema.safeParse(value);
      seen.set(value, result);
      return result;
    },
  } as Checker<T>;
}

/** Parses the file and checks the actor may give every role in it, before anything is written. */
export function checkedRows(actor: Actor, text: string): ImportRow[] {
  authorize(actor, "people.import");
  const rows = readImportFile(text);
  for (const row of rows) {
    try {
      assertMayGrantRole(actor, row.role);
    } catch (err) {
      if (err instanceof AppError) throw new AppError(err.code, `line ${row.line}: ${err.message}`);
      throw err;
    }
  }
  return rows;
}

function parseRecords(text: string) {
  try {
    return parseCsv(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw rejected([{ line: err.line, message: err.message }]);
    throw err;
  }
}

function rejected(problems: Problem[]): AppError {
  const listed = problems.slice(0, MAX_LISTED);
  const summary = listed
    .slice(0, 5)
    .map((p) => `line ${p.line}: ${p.message}`)
    .join("; ");
  const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : "";
  return new AppError(
    "validation_failed",
    `The file was not imported, fix it and send it again: ${summary}${more}`,
    { problems: listed },
  );
}
