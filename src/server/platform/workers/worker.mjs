// A pool thread. Worker threads do not inherit the tsx loader the main thread registered, so
// this plain-JavaScript entry registers it before importing the TypeScript task module it is given.
import { register } from "tsx/esm/api";

register();

const modules = new Map();

/** Runs `module`'s default export on `input`; tells `started` once loaded, so loading is not timed. */
export default async function runTask({ module, input, started }) {
  let loaded = modules.get(module);
  if (!loaded) {
    loaded = await import(module);
    modules.set(module, loaded);
  }
  started.postMessage("started");
  started.close();
  return loaded.default(input);
}
