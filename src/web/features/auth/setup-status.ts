import { get } from "../../lib/api";

/** First-run state: `needsSetup` on a fresh instance; `open` while setup is allowed. */
export interface SetupStatus {
  open: boolean;
  needsSetup: boolean;
}

export const setupStatusQuery = { queryKey: ["setup"], queryFn: () => get<SetupStatus>("/setup") };

/** How to sign in to the demo organisation, while it exists with its first password. */
export const demoSignInQuery = {
  queryKey: ["setup", "demo"],
  queryFn: () => get<{ demo: { email: string; password: string } | null }>("/setup/demo"),
};
