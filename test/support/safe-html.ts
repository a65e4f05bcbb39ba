import { DomUtils, parseDocument } from "htmlparser2";

/**
 * What rendered markdown may contain, written independently of the renderer so a change to it
 * cannot loosen the check: only these elements, only these attributes, and only links a browser
 * will not run. `problemsIn(html)` lists what breaks the rules ([] when safe).
 */
const ELEMENTS = new Set([
  ..."p a em strong code pre ul ol li blockquote hr br img del s".split(" "),
  ..."h1 h2 h3 h4 h5 h6 table thead tbody tr th td".split(" "),
  "span",
]);

/** Attribute → the value it may have (`true`: any, URLs are checked apart). */
const ATTRIBUTES: Record<string, Record<string, RegExp | true>> = {
  a: { href: true, title: true },
  img: { src: true, alt: true, title: true },
  code: { class: /^language-\S+$/ },
  ol: { start: /^\d+$/ },
  // A `[[Title]]` no document answers (platform/markdown.ts): a fixed class, nothing of the user's.
  span: { class: /^reference-missing$/ },
  // markdown-it writes a table column's alignment as a fixed inline style; nothing of the user's gets in.
  th: { style: /^text-align:(left|center|right)$/ },
  td: { style: /^text-align:(left|center|right)$/ },
};

const URL_ATTRIBUTES = new Set(["href", "src"]);
const SAFE_SCHEMES = new Set(["http", "https", "mailto"]);

/** Entities decoded by the same parser, without letting `<` start a tag. */
const decodeEntities = (value: string) => DomUtils.textContent(parseDocument(value.replaceAll("<", "&lt;")));
const decodePercent = (value: string) =>
  value.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
// Browsers drop ASCII whitespace and controls inside a scheme; strip every kind, to be strict.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const BLANKS = /[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/g;
const stripBlank = (value: string) => value.replace(BLANKS, "");

/** The URL as the most generous reader could see it: decoded (repeatedly) and without blanks. */
export function unmasked(url: string): string {
  let current = url;
  for (let round = 0; round < 5; round++) {
    const next = stripBlank(decodePercent(decodeEntities(current)));
    if (next === current) break;
    current = next;
  }
  return current;
}

/** http(s), mailto, a relative path or a fragment; nothing else. */
export function isSafeUrl(url: string): boolean {
  const plain = unmasked(url).toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(plain)?.[1];
  if (scheme) return SAFE_SCHEMES.has(scheme);
  const firstSegment = plain.split(/[/?#]/, 1)[0] ?? "";
  // A colon before the first slash with no valid scheme ("&#x1;javascript:") is not a plain relative path.
  return !firstSegment.includes(":");
}

export function problemsIn(html: string): string[] {
  const problems: string[] = [];
  const visit = (nodes: ReturnType<typeof parseDocument>["children"]) => {
    for (const node of nodes) {
      if (node.type === "text") continue;
      if (!DomUtils.isTag(node)) {
        problems.push(`a ${node.type} node`);
        continue;
      }
      if (!ELEMENTS.has(node.name)) problems.push(`element <${node.name}>`);
      for (const [name, value] of Object.entries(node.attribs)) {
        const allowed = ATTRIBUTES[node.name]?.[name];
        if (name.startsWith("on")) problems.push(`event handler ${name} on <${node.name}>`);
        else if (!allowed) problems.push(`attribute ${name} on <${node.name}>`);
        else if (allowed !== true && !allowed.test(value))
          problems.push(`${name}="${value}" on <${node.name}>`);
        if (URL_ATTRIBUTES.has(name) && !isSafeUrl(value)) problems.push(`${name}="${value}"`);
      }
      visit(node.children);
    }
  };
  visit(parseDocument(html, { lowerCaseTags: true, lowerCaseAttributeNames: true }).children);
  return problems;
}
