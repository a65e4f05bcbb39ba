import { describe, expect, it } from "vitest";
import { ApiError } from "../../../lib/api";
import { autosaveText, failureReason } from "./autosave";

const now = Date.parse("2025-03-12T14:30:00Z");

describe("the autosave status", () => {
  it("says what happens, when the draft was kept (viewer's zone), or why it was not", () => {
    expect(autosaveText({ state: "saving" }, "UTC", now)).toBe("Saving…");
    expect(autosaveText({ state: "saved", at: "2025-03-12T14:02:00Z" }, "UTC", now)).toBe(
      "Draft saved 14:02",
    );
    expect(autosaveText({ state: "saved", at: "2025-03-12T14:02:00Z" }, "Asia/Kolkata", now)).toBe(
      "Draft saved 19:32",
    );
    expect(autosaveText({ state: "failed", reason: "Title must not be empty" }, "UTC", now)).toBe(
      "Not saved: Title must not be empty",
    );
    expect(autosaveText({ state: "idle" }, "UTC", now)).toMatch(/draft/);
  });

  it("gives the server's sentence as the reason, else asks to check the connection", () => {
    const refused = new ApiError(400, {
      code: "validation_failed",
      message: "Title must not be empty",
      requestId: "r",
    });
    expect(failureReason(refused)).toBe("Title must not be empty");
    expect(failureReason(new TypeError("Failed to fetch"))).toMatch(/Check your connection/);
  });
});
