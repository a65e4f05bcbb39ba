import MarkdownIt from "markdown-it";

// Raw HTML is escaped (html: false) and markdown-it refuses javascript:/vbscript:/data: links,
// so the output is safe to insert as HTML.
const md = new MarkdownIt({ html: false, linkify: true, typographer: true });

/** Markdown → sanitised HTML. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}
