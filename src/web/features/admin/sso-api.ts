import { useQuery } from "@tanstack/react-query";
import type { SsoBody, SsoReply } from "../../../contracts/sso";
import { api, get } from "../../lib/api";

export const ssoKey = ["organisation", "sso"] as const;

/** The organisation's single sign-on settings (`sso: null` until an admin saves them); never the secret. */
export function useSsoSettings() {
  return useQuery({ queryKey: ssoKey, queryFn: () => get<SsoReply>("/organisation/sso") });
}

export const saveSsoSettings = (body: SsoBody) => api<SsoReply>("PUT", "/organisation/sso", body);
