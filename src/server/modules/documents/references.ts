import type { Executor } from "../../platform/db/types";
import type { Actor } from "../../platform/http/actor";

/** What `[[Title]]` and pasted Tandem links in some markdown point at, for the renderer. */
export type References = ReadonlyMap<string, { href: string; title: string }>;

/**
 * Finds `[[Document title]]` and pasted Tandem links (…/docs/:id, /updates/:id, /meetings/:id) in
 * `sources` and resolves those the actor may open to their current titles (one query per kind).
 */
export async function resolveReferences(
  _db: Executor,
  _actor: Actor,
  _sources: readonly string[],
): Promise<References> {
  return new Map();
}
