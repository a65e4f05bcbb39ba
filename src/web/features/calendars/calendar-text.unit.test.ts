import { describe, expect, it } from "vitest";
import { ApiError } from "../../lib/api";
import {
  calendarNameFromFile,
  countEvents,
  fileProblem,
  formatBytes,
  plainProblem,
  problemText,
} from "./calendar-text";

describe("calendar wording", () => {
  it("proposes a name from the file name", () => {
    expect(calendarNameFromFile("Work calendar.ics")).toBe("Work calendar");
    expect(calendarNameFromFile("team_rota.ICS")).toBe("team rota");
    expect(calendarNameFromFile(".ics")).toBe("Calendar");
  });

  it("counts events and sizes", () => {
    expect(countEvents(1)).toBe("1 event");
    expect(countEvents(4120)).toBe("4,120 events");
    expect(formatBytes(10 * 1024 * 1024)).toBe("10 MB");
    expect(formatBytes(2_600_000)).toBe("2.5 MB");
    expect(formatBytes(2048)).toBe("2 KB");
  });

  it("says what is wrong with a file, naming the line", () => {
    const bad = new ApiError(400, {
      code: "validation_failed",
      message: "ics: line 5: not a content line (NAME:value)",
      requestId: "r",
      details: { fields: [{ path: "ics", message: "line 5: not a content line (NAME:value)" }], line: 5 },
    });
    expect(fileProblem(bad)).toBe("Line 5: not a content line (NAME:value)");
    const large = new ApiError(413, {
      code: "ics_too_large",
      message: "too large",
      requestId: "r",
      details: { bytes: 12 * 1024 * 1024, maxBytes: 10 * 1024 * 1024 },
    });
    expect(fileProblem(large)).toBe("The file is 12 MB; this Tandem accepts calendar files up to 10 MB.");
    expect(fileProblem(new TypeError("offline"))).toMatch(/check your connection/);
    expect(plainProblem("ics: line 3: RRULE has no valid FREQ")).toBe("Line 3: RRULE has no valid FREQ");
    expect(plainProblem("Reading this calendar took longer than 10 s.")).toBe(
      "Reading this calendar took longer than 10 s",
    );
  });
});

describe("events that could not be read in full", () => {
  it("leads with the line when there is one", () => {
    const message = "Event 'Standup': its repeat rule never matches";
    expect(problemText({ line: 10, message })).toBe(`Line 10: ${message}`);
    expect(problemText({ line: null, message })).toBe(message);
  });
});
