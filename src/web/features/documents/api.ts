import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type {
  ConflictDetails,
  CreateDocumentBody,
  DiffPart,
  DocumentSummaryView,
  DocumentVersionDetailView,
  DocumentVersionView,
  DocumentView,
  DraftBody,
  DraftView,
  SaveDocumentBody,
} from "../../../contracts/documents";
import { ApiError, api, get } from "../../lib/api";
import { documentKeys } from "./keys";

/** The pages read the contract's view types from here, beside the queries that fetch them. */
export type * from "../../../contracts/documents";

// The keys live in ./keys, so the entry (live refresh needs only them) does not carry these queries.
export { documentKeys };

/** The version a save did not see: `details.current` of a 409, or null for any other failure. */
export type CurrentVersion = ConflictDetails["current"];

const search = (query: Record<string, string | undefined>) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
};

/** Documents the viewer can read, narrowed by tag, team or title words (`q`, for pickers). */
export function useDocuments(query: Record<string, string>, enabled = true) {
  return useQuery({
    queryKey: documentKeys.list(query),
    queryFn: () => get<{ documents: DocumentSummaryView[] }>(`/documents${search(query)}`),
    select: (data) => data.documents,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Tags in use on readable documents, with how many carry each. */
export function useTags() {
  return useQuery({
    queryKey: documentKeys.tags,
    queryFn: () => get<{ tags: { tag: string; count: number }[] }>("/documents/tags"),
    select: (data) => data.tags,
  });
}

export function useDocument(id: string, enabled = true) {
  return useQuery({
    queryKey: documentKeys.one(id),
    queryFn: () => get<{ document: DocumentView }>(`/documents/${id}`),
    select: (data) => data.document,
    enabled,
  });
}

export function useVersions(id: string) {
  return useQuery({
    queryKey: documentKeys.versions(id),
    queryFn: () => get<{ versions: DocumentVersionView[] }>(`/documents/${id}/versions`),
    select: (data) => data.versions,
  });
}

export function useVersion(id: string, version: number | null) {
  return useQuery({
    queryKey: documentKeys.version(id, version ?? 0),
    queryFn: () => get<{ version: DocumentVersionDetailView }>(`/documents/${id}/versions/${version}`),
    select: (data) => data.version,
    enabled: version !== null,
    // A version never changes once written.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useDiff(id: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: documentKeys.diff(id, from ?? 0, to ?? 0),
    queryFn: () =>
      get<{ diff: DiffPart[]; from: number; to: number }>(`/documents/${id}/diff?from=${from}&to=${to}`),
    enabled: from !== null && to !== null && from !== to,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export const createDocument = (body: CreateDocumentBody) =>
  api<{ document: DocumentView }>("POST", "/documents", body);

export const saveDocument = (id: string, body: SaveDocumentBody) =>
  api<{ document: DocumentView }>("PUT", `/documents/${id}`, body);

export const deleteDocument = (id: string) => api<void>("DELETE", `/documents/${id}`);

export const saveDraft = (id: string, body: DraftBody) =>
  api<{ draft: DraftView }>("PUT", `/documents/${id}/draft`, body);

export const deleteDraft = (id: string) => api<void>("DELETE", `/documents/${id}/draft`);

/** The current version from a 409 `conflict`, or null for any other failure. */
export function conflictOf(error: unknown): CurrentVersion | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  return (error.body?.details as Partial<ConflictDetails> | undefined)?.current ?? null;
}
