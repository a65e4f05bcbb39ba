import { describe, expect, it } from "vitest";
import { redactUrl } from "./logging";

describe("redactUrl", () => {
  it("hides invitation tokens in logged URLs and leaves other paths alone", () => {
    expect(redactUrl("/api/v1/invitations/abcDEF123_-/accept")).toBe("/api/v1/invitations/[redacted]/accept");
    expect(redactUrl("/invitations/xyz?ref=mail")).toBe("/invitations/[redacted]?ref=mail");
    expect(redactUrl("/api/v1/people?q=invitations")).toBe("/api/v1/people?q=invitations");
    expect(redactUrl("/feeds/abcDEF123_-.ics")).toBe("/feeds/[redacted]");
  });
});
