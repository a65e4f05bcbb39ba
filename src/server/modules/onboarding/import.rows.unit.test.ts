import { describe, expect, it } from "vitest";
import { AppError } from "../../platform/errors";
import { readImportFile } from "./import.rows";

const problemsOf = (text: string) => {
  try {
    readImportFile(text);
  } catch (err) {
    if (err instanceof AppError) return (err.details as { problems: unknown[] }).problems;
  }
  return null;
};

describe("readImportFile", () => {
  it("reads rows after a header in any case, trimming cells and skipping blank lines", () => {
    const rows = readImportFile("Name, Email ,ROLE,timezone,Team\n\n Ann ,ANN@x.test, Member ,UTC,\n\n");
    expect(rows).toEqual([
      { line: 3, name: "Ann", email: "ann@x.test", role: "member", timeZone: "UTC", team: undefined },
    ]);
  });

  it("lists every problem with its line", () => {
    expect(
      problemsOf("name,email,role,timeZone,team\n,a@x.test,member,UTC,\nB,b@x.test,member,UTC,T,extra"),
    ).toEqual([
      { line: 2, message: "name must not be empty" },
      { line: 3, message: "expected 5 columns, found 6" },
    ]);
  });

  it("rejects an empty file and a missing header", () => {
    expect(problemsOf("")).toEqual([
      { line: 1, message: "the first line must be the header name,email,role,timeZone,team" },
    ]);
    expect(problemsOf("Ann,ann@x.test,member,UTC,")?.length).toBe(1);
  });
});
