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

/**
 * What a text's references point at, for the renderer: each `[[Title]]` under `wikiKey(title)` and
 * each link written as its own address under that address (as `referencesIn` reports it), mapped to
 * where it goes and the target's current title. The caller decides what a reader may see; the
 * renderer only shows what the map says.
 */
export type ReferenceMap = ReadonlyMap<string, { href: string; title: string }>;

/** What `referencesIn` finds: the titles written as `[[Title]]` and the addresses linked as themselves. */
export interface ReferencesFound {
  titles: string[];
  hrefs: string[];
}

/** The map key of `[[inner]]`: the title as written, trimmed (matching it is the resolver's business). */
export const wikiKey = (inner: string) => `[[${inner.trim()}]]`;

// On one line, without brackets inside, at most 200 characters: a title, not a paragraph.
const WIKI = /\[\[([^[\]\n]{1,200})\]\]/g;

/** What markdown-it carries through one render: our references, never its own `env.references`. */
interface Env {
  tandem?: { references: ReferenceMap | undefined; found: ReferencesFound };
}

type Token = ReturnType<typeof md.parseInline>[number];
type TokenClass = new (type: string, tag: string, nesting: -1 | 0 | 1) => Token;

/** The `[[…]]` of one text token as tokens: a link to the target, or text marked as missing. */
function splitWikiLinks(token: Token, Token: TokenClass, env: NonNullable<Env["tandem"]>): Token[] {
  const parts: Token[] = [];
  const text = (content: string) => {
    if (content === "") return;
    const t = new Token("text", "", 0);
    t.content = content;
    parts.push(t);
  };
  let last = 0;
  for (const match of token.content.matchAll(WIKI)) {
    const inner = match[1] ?? "";
    if (inner.trim() === "") continue;
    text(token.content.slice(last, match.index));
    last = match.index + match[0].length;
    env.found.titles.push(inner.trim());
    const target = env.references?.get(wikiKey(inner));
    if (target && isSafeLink(target.href)) {
      const open = new Token("link_open", "a", 1);
      open.attrs = [["href", target.href]];
      const title = new Token("reference_title", "", 0);
      title.content = target.title;
      parts.push(open, title, new Token("link_close", "a", -1));
    } else if (env.references) {
      const missing = new Token("reference_missing", "", 0);
      missing.content = match[0];
      parts.push(missing);
    } else text(match[0]);
  }
  if (last === 0) return [token];
  text(token.content.slice(last));
  return parts;
}

/**
 * `[[Title]]` in plain text (not in code, not inside a link), before linkify and typography change
 * the text: the title is matched as it was typed.
 */
md.core.ruler.after("inline", "wiki_references", (state) => {
  const env = (state.env as Env).tandem;
  if (!env) return;
  const Token = state.Token as unknown as TokenClass;
  for (const block of state.tokens) {
    if (block.type !== "inline" || !block.children) continue;
    let inLink = 0;
    block.children = block.children.flatMap((token) => {
      if (token.type === "link_open") inLink++;
      if (token.type === "link_close") inLink--;
      return token.type === "text" && inLink === 0 ? splitWikiLinks(token, Token, env) : [token];
    });
  }
});

/**
 * A link that shows its own address — pasted and linkified, an `<autolink>`, or `[url](url)` — whose
 * address the map knows shows the target's current title instead (and goes where the map says).
 */
md.core.ruler.after("linkify", "link_references", (state) => {
  const env = (state.env as Env).tandem;
  if (!env) return;
  const Token = state.Token as unknown as TokenClass;
  for (const block of state.tokens) {
    const children = block.children;
    if (block.type !== "inline" || !children) continue;
    for (let i = 0; i < children.length; i++) {
      const open = children[i] as Token;
      if (open.type !== "link_open") continue;
      const close = children.findIndex((t, j) => j > i && t.type === "link_close" && t.level === open.level);
      if (close < 0) continue;
      const inside = children.slice(i + 1, close);
      const href = open.attrGet("href") ?? "";
      const selfLink =
        open.info === "auto" ||
        (inside.length === 1 && inside[0]?.type === "text" && md.normalizeLink(inside[0].content) === href);
      if (!selfLink) continue;
      env.found.hrefs.push(href);
      const target = env.references?.get(href);
      if (!target || !isSafeLink(target.href)) continue;
      open.attrSet("href", target.href);
      const title = new Token("reference_title", "", 0);
      title.content = target.title;
      children.splice(i + 1, close - i - 1, title);
    }
  }
});

md.renderer.rules.reference_title = (tokens, i) => md.utils.escapeHtml(tokens[i]?.content ?? "");
md.renderer.rules.reference_missing = (tokens, i) =>
  `<span class="reference-missing">${md.utils.escapeHtml(tokens[i]?.content ?? "")}</span>`;

/**
 * Markdown → sanitised HTML. With `references`, `[[Title]]` becomes a link with the target's current
 * title (or stays text, marked missing, when the map has no entry) and a link showing its own
 * address shows its target's title when the map knows it; without, `[[…]]` is plain text.
 */
export function renderMarkdown(source: string, references?: ReferenceMap): string {
  if (!references) return md.render(source);
  const env: Env = { tandem: { references, found: { titles: [], hrefs: [] } } };
  return md.render(source, env);
}

/** The `[[Title]]`s and self-linked addresses in `source`, as the renderer will look them up. */
export function referencesIn(source: string): ReferencesFound {
  const env: Env = { tandem: { references: undefined, found: { titles: [], hrefs: [] } } };
  md.parse(source, env);
  return env.tandem?.found ?? { titles: [], hrefs: [] };
}
