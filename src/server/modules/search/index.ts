import type { Deps } from "../../deps";
import { defineModule } from "../../platform/module";
import { searchRoutes } from "./search.routes";

/**
 * One search over documents, updates and their comments, meetings (title, agenda, shared notes) and
 * decisions (issue 13): PostgreSQL full-text search over the `search_vector` columns of migration
 * 0015, each kind filtered by its own `*.visibility.ts` rule — the same one its reader uses.
 */
export const searchModule = defineModule<Deps>({ name: "search", routes: [searchRoutes], jobs: [] });
