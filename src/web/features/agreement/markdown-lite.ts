/**
 * Just enough markdown to preview what is being typed (headings, lists, paragraphs, code blocks,
 * bold, italic, code, links) without shipping a markdown library to the browser. The output is
 * data rendered as React elements, so nothing typed can become HTML; the published text is
 * rendered (and sanitised) by the server with full markdown.
 */

export type Inline =
  | { kind: "text" | "strong" | "em" | "code"; text: string }
  | { kind: "link"; text: string; href: string };

export type Block =
  | { kind: "heading"; level: number; content: Inline[] }
  | { kind: "list"; ordered: boolean; items: Inline[][] }
  | { kind: "code"; text: string }
  | { kind: "paragraph"; lines: Inline[][] };

const INLINE = /(\*\*[^*]+\*\*|__[^_]+__|`[^`]+`|\*[^*\s][^*]*\*|_[^_\s][^_]*_|\[[^\]]+\]\([^)\s]+\))/;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  for (const part of text.split(INLINE)) {
    if (!part) continue;
    const link = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(part);
    if (link?.[1] && link[2]) out.push({ kind: "link", text: link[1], href: link[2] });
    else if (/^(\*\*|__).+\1$/.test(part)) out.push({ kind: "strong", text: part.slice(2, -2) });
    else if (/^`.+`$/.test(part)) out.push({ kind: "code", text: part.slice(1, -1) });
    else if (/^([*_]).+\1$/.test(part)) out.push({ kind: "em", text: part.slice(1, -1) });
    else out.push({ kind: "text", text: part });
  }
  return out;
}

const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  let paragraph: Inline[][] = [];
  let list: { ordered: boolean; items: Inline[][] } | null = null;
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: "paragraph", lines: paragraph });
    if (list) blocks.push({ kind: "list", ...list });
    paragraph = [];
    list = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (/^\s*```/.test(line)) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !/^\s*```/.test(lines[i] ?? ""); i++) code.push(lines[i] ?? "");
      blocks.push({ kind: "code", text: code.join("\n") });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    if (line.trim() === "") {
      flush();
    } else if (heading) {
      flush();
      blocks.push({
        kind: "heading",
        level: heading[1]?.length ?? 1,
        content: parseInline(heading[2] ?? ""),
      });
    } else if (bullet || numbered) {
      const ordered = !bullet;
      if (paragraph.length > 0 || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(parseInline((bullet ?? numbered)?.[1] ?? ""));
    } else if (list) {
      // A continuation line belongs to the last item.
      const last = list.items[list.items.length - 1];
      last?.push({ kind: "text", text: " " }, ...parseInline(line.trim()));
    } else {
      paragraph.push(parseInline(line.trim()));
    }
  }
  flush();
  return blocks;
}
