import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { markdownPreview, markdownPreviewBody } from "../../../contracts/markdown";
import type { Deps } from "../../deps";
import { requireActor } from "../../platform/http/actor";
import { replies } from "../../platform/http/replies";
import { renderMarkdown } from "../../platform/markdown";
import { resolveReferences } from "./references";

/**
 * `POST /api/v1/markdown/preview`: what an editor's text will look like, rendered by the renderer
 * that publishes it — `[[Title]]` and pasted links resolved for the writer, as their page will show
 * them — so the preview and the published page never disagree. It writes nothing; POST only because
 * the text can be longer than a URL. It lives here, not in platform, because references are documents'.
 */
export function registerMarkdownPreview(app: FastifyInstance, deps: Deps): void {
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
      const actor = requireActor(request);
      const { markdown } = request.body;
      const references = await resolveReferences(deps.db, actor, [markdown], deps.config.publicUrl);
      return { html: renderMarkdown(markdown, references) };
    },
  );
}
