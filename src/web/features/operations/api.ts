import { useQuery } from "@tanstack/react-query";
import type { OperationsView } from "../../../contracts/operations";
import { api, get } from "../../lib/api";

export const operationsKey = ["admin", "operations"] as const;

/** The instance's health for admins: version, database, jobs, last backup, mail and webhooks. */
export function useOperations() {
  return useQuery({ queryKey: operationsKey, queryFn: () => get<OperationsView>("/admin/operations") });
}

export const retryJob = (id: string) =>
  api<{ job: { id: string; name: string } }>("POST", `/admin/operations/jobs/${id}/retry`);
