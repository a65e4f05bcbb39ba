import type { DemoSignInView, SetupStatusView } from "../../../contracts/auth";
import { get } from "../../lib/api";

/** First-run state: `needsSetup` on a fresh instance; `open` while setup is allowed. */
export const setupStatusQuery = { queryKey: ["setup"], queryFn: () => get<SetupStatusView>("/setup") };

/** How to sign in to the demo organisation, while it exists with its first password. */
export const demoSignInQuery = {
  queryKey: ["setup", "demo"],
  queryFn: () => get<DemoSignInView>("/setup/demo"),
};
