import { useQuery } from "@tanstack/react-query";
import type { Rules } from "../../../contracts/agreement";
import type { Role } from "../../../contracts/common";
import type { RuleChange } from "../../../core/agreement/diff";
import type { RuleSources } from "../../../core/agreement/rules";
import { get } from "../../lib/api";

/** Response shapes of the agreement routes (see server/modules/agreement). */
export interface AgreementSection {
  title: string;
  body: string;
  /** Rendered and sanitised by the server. */
  html: string;
}

export interface AgreementView {
  version: number;
  /** Present when the agreement was read for a team (0: the team has no override yet). */
  teamVersion?: number;
  rules: Rules;
  sources: RuleSources;
  sections: AgreementSection[];
  changeSummary: string;
  publishedAt: string;
  publishedBy: string;
}

export interface VersionSummary {
  version: number;
  changeSummary: string;
  publishedAt: string;
  publishedBy: string;
}

export interface SectionChange {
  title: string;
  change: "added" | "edited" | "removed";
}

export interface VersionView extends Omit<AgreementView, "sources" | "teamVersion"> {
  changes: { rules: RuleChange[]; sections: SectionChange[] };
}

/** Who acknowledged the current version, and who has not (agreement and policies alike). */
export interface ComplianceView {
  version: number;
  acknowledged: { personId: string; at: string }[];
  /** Invited people who have not joined yet are pending with `status: "invited"`. */
  pending: { personId: string; status?: "active" | "invited" }[];
}

export const agreementKeys = {
  all: ["agreement"] as const,
  current: (teamId: string | null) => ["agreement", "current", teamId ?? "org"] as const,
  versions: ["agreement", "versions"] as const,
  version: (n: number) => ["agreement", "versions", n] as const,
  compliance: ["agreement", "compliance"] as const,
  mine: ["agreement", "mine"] as const,
};

/** Owners, admins and hr publish the organisation's agreement and see compliance (as the server checks). */
export const mayPublish = (role: Role) => role === "owner" || role === "admin" || role === "hr";

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

/** What changed since the version the person last acknowledged (sinceVersion null: they never did). */
export interface ChangesSinceAcknowledged {
  sinceVersion: number | null;
  rules: RuleChange[];
  sections: SectionChange[];
  teams: { teamId: string; teamName: string; rules: RuleChange[] }[];
}

export interface PendingAgreement {
  version: number;
  changes: ChangesSinceAcknowledged;
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
