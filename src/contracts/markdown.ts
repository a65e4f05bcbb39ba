import { z } from "zod";
import { text } from "./common";

/** As long as the longest text the app stores as markdown (an agreement section, a policy). */
export const MARKDOWN_MAX = 50_000;
/** A shared document's body may be longer than an update's. */
export const DOCUMENT_MAX = 200_000;

/** `POST /api/v1/markdown/preview`: markdown as an editor holds it (a document's is the longest). */
export const markdownPreviewBody = z.strictObject({
  markdown: text().max(DOCUMENT_MAX, `must be at most ${DOCUMENT_MAX} characters`),
});

/** The same sanitised HTML the server stores and sends when the text is published. */
export const markdownPreview = z.object({ html: z.string() });
export type MarkdownPreview = z.infer<typeof markdownPreview>;
