import { useQuery } from "@tanstack/react-query";
import type { ComplianceView } from "../../../contracts/agreement";
import type {
  PendingPolicy,
  PolicyDetailView,
  PolicyTemplateView,
  PolicyView,
} from "../../../contracts/policies";
import { get } from "../../lib/api";

export type {
  PendingPolicy,
  PolicyChanges,
  PolicyDetailView,
  PolicyTemplateView,
  PolicyView,
} from "../../../contracts/policies";

export const policyKeys = {
  all: ["policies"] as const,
  list: ["policies", "list"] as const,
  templates: ["policies", "templates"] as const,
  mine: ["policies", "mine"] as const,
  one: (id: string) => ["policies", "one", id] as const,
  versions: (id: string) => ["policies", "one", id, "versions"] as const,
  compliance: (id: string) => ["policies", "one", id, "compliance"] as const,
};

export function usePolicies() {
  return useQuery({
    queryKey: policyKeys.list,
    queryFn: () => get<{ policies: PolicyView[] }>("/policies"),
    select: (d) => d.policies,
  });
}

export function usePolicyTemplates(enabled: boolean) {
  return useQuery({
    queryKey: policyKeys.templates,
    queryFn: () => get<{ templates: PolicyTemplateView[] }>("/policies/templates"),
    select: (d) => d.templates,
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function usePolicy(id: string) {
  return useQuery({
    queryKey: policyKeys.one(id),
    queryFn: () => get<{ policy: PolicyDetailView }>(`/policies/${id}`),
    select: (d) => d.policy,
  });
}

export function usePolicyVersions(id: string) {
  return useQuery({
    queryKey: policyKeys.versions(id),
    queryFn: () => get<{ versions: PolicyView[] }>(`/policies/${id}/versions`),
    select: (d) => d.versions,
  });
}

export function usePolicyCompliance(id: string, enabled: boolean) {
  return useQuery({
    queryKey: policyKeys.compliance(id),
    queryFn: () => get<ComplianceView>(`/policies/${id}/compliance`),
    enabled,
  });
}

/** Policies whose current version the signed-in person has not acknowledged. */
export function useMyPendingPolicies() {
  return useQuery({
    queryKey: policyKeys.mine,
    queryFn: () => get<{ pending: PendingPolicy[] }>("/me/policies"),
    select: (d) => d.pending,
  });
}
