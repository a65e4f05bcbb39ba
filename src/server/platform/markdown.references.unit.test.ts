import { describe, expect, it } from "vitest";
import { HOSTILE_MARKDOWN } from "../../../test/fixtures/hostile-markdown";
import { problemsIn } from "../../../test/support/safe-html";
import { type ReferenceMap, referencesIn, renderMarkdown, wikiKey } from "./markdown";

const DOC = "/docs/0f8fad5b-d9cb-469f-a165-70867728950e";
const PASTED = "https://tandem.example/meetings/7c9e6679-7425-40de-944b-e07fc1f90ae7";

const references: ReferenceMap = new Map([
  ["[[Launch plan]]", { href: DOC, title: "Launch plan (v2)" }],
  [PASTED, { href: "/meetings/7c9e6679-7425-40de-944b-e07fc1f90ae7", title: "Pricing decision" }],
  [DOC, { href: DOC, title: "Launch plan (v2)" }],
]);

/** A map that knows every key, always with a hostile title: the worst a resolver could hand over. */
class HostileMap extends Map<string, { href: string; title: string }> {
  override get(key: string) {
    return { href: `/docs/${encodeURIComponent(key)}`, title: `<img src=x onerror=alert(1)>${key}"'` };
  }
}

describe("renderMarkdown with references", () => {
  it("links [[Title]] to the target with its current title; an unknown one stays text, marked missing", () => {
    const html = renderMarkdown("Read [[ Launch plan ]] and [[Nothing]].", references);
    expect(html).toBe(
      `<p>Read <a href="${DOC}">Launch plan (v2)</a> and <span class="reference-missing">[[Nothing]]</span>.</p>\n`,
    );
  });

  it("shows a pasted, autolinked or self-named link's current title, and leaves other links alone", () => {
    const html = renderMarkdown(
      `Decided in ${PASTED}, <${PASTED}>, [${DOC}](${DOC}) but [the plan](${DOC}) and https://example.com/x`,
      references,
    );
    expect(html).toContain('<a href="/meetings/7c9e6679-7425-40de-944b-e07fc1f90ae7">Pricing decision</a>,');
    expect(html.match(/>Pricing decision</g)).toHaveLength(2);
    expect(html).toContain(`<a href="${DOC}">Launch plan (v2)</a> but <a href="${DOC}">the plan</a>`);
    expect(html).toContain('<a href="https://example.com/x">https://example.com/x</a>');
  });

  it("leaves [[…]] in code, escaped brackets and every reference alone without a map", () => {
    expect(renderMarkdown("`[[Launch plan]]` \\[[Launch plan]]", references)).toBe(
      "<p><code>[[Launch plan]]</code> [[Launch plan]]</p>\n",
    );
    expect(renderMarkdown(`[[Launch plan]] ${PASTED}`)).toBe(
      `<p>[[Launch plan]] <a href="${PASTED}">${PASTED}</a></p>\n`,
    );
  });

  it("keeps a title as typed, before typography changes it", () => {
    const map: ReferenceMap = new Map([[wikiKey('"Q3" -- plan'), { href: DOC, title: '"Q3" -- plan' }]]);
    expect(renderMarkdown('See [["Q3" -- plan]].', map)).toBe(
      `<p>See <a href="${DOC}">&quot;Q3&quot; -- plan</a>.</p>\n`,
    );
  });

  it("finds what the renderer will look up", () => {
    expect(
      referencesIn(`[[ Launch plan ]] \`[[code]]\` ${PASTED} <${DOC}> [${DOC}](${DOC}) [x](/docs/1) [[]]`),
    ).toEqual({ titles: ["Launch plan"], hrefs: [PASTED, DOC] });
  });
});

describe("hostile references", () => {
  it.each([
    "[[<img src=x onerror=alert(1)>]]",
    "[[<script>alert(1)</script>]]",
    "[[javascript:alert(1)]]",
    "[[&#106;avascript:alert(1)]]",
    '[["><svg onload=alert(1)>]]',
    "[[x]](javascript:alert(1))",
    "[[[x]]](javascript:alert(1))",
    "[javascript:alert(1)](javascript:alert(1))",
    "<javascript:alert(1)>",
  ])("leaves nothing executable in %s, resolved or not", (input) => {
    for (const map of [references, new HostileMap()]) {
      const html = renderMarkdown(input, map);
      expect({ input, html, problems: problemsIn(html) }).toEqual({ input, html, problems: [] });
    }
  });

  it("escapes a hostile title and refuses a target that is no safe link", () => {
    const map: ReferenceMap = new Map([
      ["[[a]]", { href: DOC, title: '<img src=x onerror="alert(1)">' }],
      ["[[b]]", { href: "javascript:alert(1)", title: "B" }],
    ]);
    const html = renderMarkdown("[[a]] [[b]]", map);
    expect(html).toBe(
      `<p><a href="${DOC}">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</a> <span class="reference-missing">[[b]]</span></p>\n`,
    );
  });

  it.each(HOSTILE_MARKDOWN.map((input) => [JSON.stringify(input), input]))(
    "leaves nothing executable in %s with every reference resolved to a hostile title",
    (_, input) => {
      for (const source of [input, `[[${input}]]`]) {
        const html = renderMarkdown(source, new HostileMap());
        expect({ source, html, problems: problemsIn(html) }).toEqual({ source, html, problems: [] });
      }
    },
  );
});
