import { describe, expect, it } from "vitest";
import { HOSTILE_MARKDOWN } from "../../../test/fixtures/hostile-markdown";
import { isSafeUrl, problemsIn } from "../../../test/support/safe-html";
import { renderMarkdown } from "./markdown";

describe("the safety check itself", () => {
  it("passes what the renderer writes for ordinary markdown", () => {
    const html = renderMarkdown(
      [
        "# Plan",
        'Some *em*, **strong**, ~~gone~~, `code` and [a link](https://example.com "Example").',
        "![chart](/files/chart.png 'Chart')  [top](#top) [mail](mailto:a@example.com) www.example.com",
        "3. three\n4. four",
        "> quoted\n\n---\n\n```ts\nconst x = 1;\n```",
        "| a | b |\n|:--|--:|\n| 1 | 2 |",
      ].join("\n\n"),
    );
    expect(problemsIn(html)).toEqual([]);
    // The sample really exercises the allowed attributes, so the list above is not vacuous.
    for (const part of ['href="https://example.com"', 'class="language-ts"', 'start="3"', "<img", "<table"]) {
      expect(html).toContain(part);
    }
  });

  it.each([
    ['<a href="javascript:alert(1)">x</a>', 'href="javascript:alert(1)"'],
    ['<a href="&#106;ava&#x09;script:alert(1)">x</a>', "href="],
    ['<a href="%6Aavascript:alert(1)">x</a>', "href="],
    ['<img src="data:image/png;base64,AAAA">', "src="],
    ['<img src="x" onerror="alert(1)">', "event handler onerror on <img>"],
    ["<script>alert(1)</script>", "element <script>"],
    ['<p style="color:red">x</p>', "attribute style on <p>"],
    ["<!-- hidden -->", "a comment node"],
    ['<td style="background:url(x)">x</td>', 'style="background:url(x)" on <td>'],
  ])("flags %s", (html, problem) => {
    expect(problemsIn(html).join(" | ")).toContain(problem);
  });

  it.each([
    ["https://example.com/a?b#c", true],
    ["mailto:a@example.com", true],
    ["/relative/path", true],
    ["relative/path:with-colon", true],
    ["#fragment", true],
    ["//example.com/x", true],
    ["vbscript:x", false],
    ["file:///etc/passwd", false],
    ["\u0001javascript:x", false],
    ["&#x01;javascript:x", false],
  ])("judges %s as safe: %s", (url, safe) => {
    expect(isSafeUrl(url)).toBe(safe);
  });
});

describe("rendering hostile markdown", () => {
  it("has a corpus of at least 100 inputs", () => {
    expect(HOSTILE_MARKDOWN.length).toBeGreaterThanOrEqual(100);
    expect(new Set(HOSTILE_MARKDOWN).size).toBe(HOSTILE_MARKDOWN.length);
  });

  it.each(HOSTILE_MARKDOWN.map((input) => [JSON.stringify(input), input]))(
    "leaves nothing executable in %s",
    (_, input) => {
      const html = renderMarkdown(input);
      expect({ input, html, problems: problemsIn(html) }).toEqual({ input, html, problems: [] });
    },
  );

  it("keeps safe links and images working", () => {
    const html = renderMarkdown(
      "[docs](https://example.com/docs) ![logo](https://example.com/logo.png) <mailto:x@example.com> [up](../up)",
    );
    expect(html).toContain('<a href="https://example.com/docs">docs</a>');
    expect(html).toContain('<img src="https://example.com/logo.png" alt="logo">');
    expect(html).toContain('<a href="mailto:x@example.com">');
    expect(html).toContain('<a href="../up">up</a>');
  });
});
