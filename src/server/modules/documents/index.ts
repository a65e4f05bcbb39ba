import type { Deps } from "../../deps";
import { defineModule } from "../../platform/module";
import { documentRoutes } from "./documents.routes";
import { registerMarkdownPreview } from "./markdown-preview.routes";

/**
 * Shared documents (issue 13): versions, diffs, the 409 of a stale save with a merge, autosaved
 * drafts, "used in", and `[[Title]]`/pasted-link references resolved to current titles. Updates and
 * meetings link documents through `visibleDocuments`; search reads `documents.visibility.ts`.
 */
export { type DocumentAccess, documentFor, publishDocumentChanged } from "./document-access";
export { visibleDocuments } from "./document-links";
export { createDocument, saveDocument } from "./documents.service";
export { documents } from "./documents.table";
export { putDraft } from "./drafts";
export { type References, resolveReferences } from "./references";

export const documentsModule = defineModule<Deps>({
  name: "documents",
  routes: [documentRoutes, registerMarkdownPreview],
  jobs: [],
});
