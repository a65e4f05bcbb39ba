import { describe, expect, it } from "vitest";
import {
  filtersFromParams,
  filtersToParams,
  isNarrowed,
  type SearchFilters,
  searchApiPath,
  searchPath,
  snippetParts,
  unescapeHtml,
} from "./query";

const team = "33333333-3333-4333-8333-333333333333";
const author = "44444444-4444-4444-8444-444444444444";
const none: SearchFilters = { q: "", type: null, teamId: null, authorId: null, from: "", to: "" };

describe("the search in the address", () => {
  it("reads what the address names and leaves out what it names wrongly", () => {
    expect(filtersFromParams(new URLSearchParams())).toEqual(none);
    const read = filtersFromParams(
      new URLSearchParams(
        `q=road+map&type=decision&teamId=${team}&authorId=${author}&from=2026-01-05&to=2026-01-09`,
      ),
    );
    expect(read).toEqual({
      q: "road map",
      type: "decision",
      teamId: team,
      authorId: author,
      from: "2026-01-05",
      to: "2026-01-09",
    });
    const wrong = filtersFromParams(new URLSearchParams("q=x&type=people&from=5 Jan&to=2026-1-9"));
    expect(wrong).toEqual({ ...none, q: "x" });
  });

  it("writes the words first and only the filters that narrow, and round-trips", () => {
    expect(searchPath({ ...none, q: 'budget "q3 plan" -draft' })).toBe(
      "/search?q=budget+%22q3+plan%22+-draft",
    );
    const f: SearchFilters = {
      q: "a & b",
      type: "meeting",
      teamId: team,
      authorId: null,
      from: "2026-01-05",
      to: "",
    };
    expect(filtersToParams(f).toString()).toBe(`q=a+%26+b&type=meeting&teamId=${team}&from=2026-01-05`);
    expect(filtersFromParams(filtersToParams(f))).toEqual(f);
  });

  it("asks the API nothing while there are no words", () => {
    expect(searchApiPath(none, "UTC")).toBeNull();
    expect(searchApiPath({ ...none, q: "   ", type: "document" }, "UTC")).toBeNull();
  });

  it("sends the dates as the whole days in the viewer's zone", () => {
    const path = searchApiPath({ ...none, q: " plan ", from: "2026-01-05", to: "2026-01-09" }, "Asia/Tokyo");
    const params = new URLSearchParams(path?.split("?")[1]);
    expect(path?.startsWith("/search?")).toBe(true);
    expect(params.get("q")).toBe("plan");
    // Tokyo is UTC+9: 5 Jan 00:00 there is 4 Jan 15:00 UTC; the end of 9 Jan is 9 Jan 15:00 UTC.
    expect(params.get("from")).toBe("2026-01-04T15:00:00.000Z");
    expect(params.get("to")).toBe("2026-01-09T15:00:00.000Z");
  });

  it("knows when anything but the words narrows the results", () => {
    expect(isNarrowed({ ...none, q: "x" })).toBe(false);
    expect(isNarrowed({ ...none, type: "update" })).toBe(true);
    expect(isNarrowed({ ...none, to: "2026-01-09" })).toBe(true);
  });
});

describe("a result's snippet", () => {
  it("splits it into plain and matched pieces", () => {
    expect(snippetParts("the <mark>roadmap</mark> for <mark>Q3</mark>")).toEqual([
      { text: "the ", marked: false },
      { text: "roadmap", marked: true },
      { text: " for ", marked: false },
      { text: "Q3", marked: true },
    ]);
  });

  it("shows escaped markup as the characters it stands for, never as markup", () => {
    expect(snippetParts("&lt;script&gt;alert(1)&lt;/script&gt; <mark>a&amp;b</mark>")).toEqual([
      { text: "<script>alert(1)</script> ", marked: false },
      { text: "a&b", marked: true },
    ]);
    expect(unescapeHtml("it&#39;s &quot;fine&quot; &#x27;ok&#x27; &nbsp; &#0;")).toBe(
      `it's "fine" 'ok' &nbsp; &#0;`,
    );
  });
});
