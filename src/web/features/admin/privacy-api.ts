import { useQuery } from "@tanstack/react-query";
import type { PrivacySettings } from "../../../contracts/checkins";
import { api, get } from "../../lib/api";
import { checkinKeys } from "../checkins";

/** The organisation's minimum group sizes for pulse aggregates; the check-in pages read the same cache. */
export function usePrivacySettings() {
  return useQuery({
    queryKey: checkinKeys.privacy,
    queryFn: () => get<PrivacySettings>("/organisation/privacy"),
  });
}

export const savePrivacySettings = (body: PrivacySettings) =>
  api<PrivacySettings>("PUT", "/organisation/privacy", body);
