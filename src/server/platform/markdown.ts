import MarkdownIt from "markdown-it";

// Raw HTML is escaped (html: false) and every link and image passes `isSafeLink`, so the output is
// safe to insert as HTML (the corpus in markdown.xss.unit.test.ts holds it to that).
const md = new MarkdownIt({ html: false, linkify: true, typographer: true });

const SAFE_SCHEMES = new Set(["http", "https", "mailto"]);
const SCHEME = /^([a-z][a-z0-9+.-]*):/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const BLANKS = /[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/g;

const decodePercent = (value: string) =>
  value.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
/** Numeric entities markdown-it leaves alone as invalid (`&#x01;`): a lenient reader decodes them all. */
const decodeNumeric = (value: string) =>
  value.replace(/&#(x[0-9a-f]{1,6}|\d{1,7});?/gi, (_, code: string) => {
    const point = code[0] === "x" || code[0] === "X" ? Number.parseInt(code.slice(1), 16) : Number(code);
    return point <= 0x10ffff ? String.fromCodePoint(point) : "\ufffd";
  });

/**
 * Whether a link or image may point at `url` (markdown-it's normalised form): http(s), mailto, a
 * relative path or a fragment, nothing else. Stricter than markdown-it's own check, which lets
 * `data:image/png` through and judges the percent-encoded URL (so `java%09script:` and
 * `%6Aavascript:` count as paths): we judge the URL as the most lenient reader could see it,
 * entities and percent escapes decoded until nothing changes, blanks and controls removed.
 */
function isSafeLink(url: string): boolean {
  let plain = url;
  for (let round = 0; round < 5; round++) {
    const next = decodePercent(decodeNumeric(md.utils.unescapeAll(plain))).replace(BLANKS, "");
    if (next === plain) break;
    plain = next;
  }
  plain = plain.toLowerCase();
  const scheme = SCHEME.exec(plain)?.[1];
  if (scheme) return SAFE_SCHEMES.has(scheme);
  // A colon before the first slash without a valid scheme is no plain path: refuse what is ambiguous.
  return !(plain.split(/[/?#]/, 1)[0] ?? "").includes(":");
}

md.validateLink = isSafeLink;

/** Markdown → sanitised HTML. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}
