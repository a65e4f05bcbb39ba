import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { SessionView } from "../../contracts/auth";
import { ApiError, get, resetSession } from "./api";
import { browserTimeZone } from "./time";

/** The signed-in person and organisation, or null when signed out. */
export function useSession() {
  return useQuery({
    queryKey: ["me"],
    queryFn: async () => {
      try {
        return await get<SessionView>("/me");
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
  });
}

/** The signed-in person, with the zone every time is shown in (theirs, else the browser's). */
export function useViewer() {
  const { data } = useSession();
  if (!data) throw new Error("useViewer is for signed-in pages only");
  return { ...data, zone: data.person.timeZone || browserTimeZone() };
}

export function useSessionChanged() {
  const client = useQueryClient();
  return async () => {
    resetSession();
    await client.resetQueries();
  };
}
