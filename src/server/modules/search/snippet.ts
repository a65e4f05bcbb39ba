/**
 * Snippets: `ts_headline` marks matches with two private-use characters (never HTML, so nothing in
 * the text can pose as a mark), stripped from the text first; here everything is escaped and only
 * those sentinels become `<mark>`/`</mark>`, balanced. The snippet is the one HTML the search sends.
 */
export const MARK_START = "\uE000";
export const MARK_STOP = "\uE001";

/** `ts_headline`'s options: the sentinels, two short fragments joined by an ellipsis. */
export const HEADLINE_OPTIONS = `StartSel="${MARK_START}", StopSel="${MARK_STOP}", MaxFragments=2, MaxWords=18, MinWords=6, FragmentDelimiter=" … "`;

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** The headline as safe HTML: escaped text, whitespace runs as one space, matches in `<mark>`. */
export function markSnippet(headline: string): string {
  let html = "";
  let open = false;
  for (const ch of headline) {
    if (ch === MARK_START) {
      if (!open) html += "<mark>";
      open = true;
    } else if (ch === MARK_STOP) {
      if (open) html += "</mark>";
      open = false;
    } else html += ESCAPES[ch] ?? ch;
  }
  if (open) html += "</mark>";
  return html.replaceAll("<mark></mark>", "").replace(/\s+/g, " ").trim();
}
