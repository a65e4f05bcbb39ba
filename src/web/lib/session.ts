import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { SessionView } from "../../contracts/views";
import { ApiError, get, resetSession } from "./api";

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

export function useSessionChanged() {
  const client = useQueryClient();
  return async () => {
    resetSession();
    await client.resetQueries();
  };
}
