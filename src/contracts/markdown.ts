import { z } from "zod";
import { text } from "./common";

/** As long as the longest text the app stores as markdown (an agreement section, a policy). */
export const MARKDOWN_MAX = 50_000;

/** `POST /api/v1/markdown/preview`: markdown as an editor holds it. */
export const markdownPreviewBody = z.strictObject({
  markdown: text().max(MARKDOWN_MAX, `must be at most ${MARKDOWN_MAX} characters`),
});

/** The same sanitised HTML the server stores and sends when the text is published. */
export const markdownPreview = z.object({ html: z.string() });
export type MarkdownPreview = z.infer<typeof markdownPreview>;
