import { useQuery } from "@tanstack/react-query";
import type {
  AgreementView,
  ComplianceView,
  PendingAgreement,
  VersionSummary,
  VersionView,
} from "../../../contracts/agreement";
import type { Role } from "../../../contracts/common";
import { may } from "../../../core/access";
import { get } from "../../lib/api";

export type {
  AgreementSection,
  AgreementView,
  ChangesSinceAcknowledged,
  ComplianceView,
  PendingAgreement,
  SectionChange,
  VersionSummary,
  VersionView,
} from "../../../contracts/agreement";

export const agreementKeys = {
  all: ["agreement"] as const,
  current: (teamId: string | null) => ["agreement", "current", teamId ?? "org"] as const,
  versions: ["agreement", "versions"] as const,
  version: (n: number) => ["agreement", "versions", n] as const,
  compliance: ["agreement", "compliance"] as const,
  mine: ["agreement", "mine"] as const,
};

/** Who publishes the organisation's agreement and policies and sees compliance (core/access.ts). */
export const mayPublish = (role: Role) => may({ role }, "agreement.publish");

export function useAgreement(teamId: string | null = null) {
  return useQuery({
    queryKey: agreementKeys.current(teamId),
    queryFn: () =>
      get<{ agreement: AgreementView }>(
        teamId ? `/agreement?${new URLSearchParams({ teamId })}` : "/agreement",
      ),
    select: (d) => d.agreement,
  });
}

export function useVersions() {
  return useQuery({
    queryKey: agreementKeys.versions,
    queryFn: () => get<{ versions: VersionSummary[] }>("/agreement/versions"),
    select: (d) => [...d.versions].sort((a, b) => b.version - a.version),
  });
}

export function useVersion(n: number) {
  return useQuery({
    queryKey: agreementKeys.version(n),
    queryFn: () => get<{ agreement: VersionView }>(`/agreement/versions/${n}`),
    select: (d) => d.agreement,
    enabled: Number.isInteger(n) && n > 0,
  });
}

/** The version the signed-in person still has to acknowledge, with what changed, or null. */
export function useMyPendingAgreement() {
  return useQuery({
    queryKey: agreementKeys.mine,
    queryFn: () => get<{ pending: PendingAgreement | null }>("/me/agreement"),
    select: (d) => d.pending,
  });
}

export function useAgreementCompliance(enabled: boolean) {
  return useQuery({
    queryKey: agreementKeys.compliance,
    queryFn: () => get<ComplianceView>("/agreement/compliance"),
    enabled,
  });
}
