import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { markdownPreview, markdownPreviewBody } from "../../../contracts/markdown";
import { renderMarkdown } from "../markdown";
import { requireActor } from "./actor";
import { replies } from "./replies";

/**
 * `POST /api/v1/markdown/preview`: what an editor's text will look like, rendered by the renderer
 * that publishes it, so the preview and the published page never disagree. It reads and writes
 * nothing; POST only because the text can be longer than a URL.
 */
export function registerMarkdownPreview(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/api/v1/markdown/preview",
    {
      schema: {
        tags: ["markdown"],
        summary: "Renders markdown as the published page will show it",
        body: markdownPreviewBody,
        response: replies({ 200: markdownPreview }),
      },
    },
    async (request) => {
      requireActor(request);
      return { html: renderMarkdown(request.body.markdown) };
    },
  );
}
