import { type ComponentType, lazy } from "react";

/**
 * A page that loads its own chunk on first render (shown under the Suspense in app/Page.tsx).
 * React.lazy wants a default export; pages have named ones, so this picks the export by name.
 */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}
