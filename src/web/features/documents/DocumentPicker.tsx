import { MultiSelect, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQueries } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { get } from "../../lib/api";
import { type DocumentView, documentKeys, useDocuments } from "./api";
import { pickerOptions } from "./picker";

/** Props fixed for the meeting and update composers (issue 13). */
export interface DocumentPickerProps {
  /** Chosen document ids, in order. */
  value: string[];
  onChange: (ids: string[]) => void;
  /** "Pre-reads" in the meeting composer, "Attach documents" in the update composer. */
  label: string;
}

/** Waits for a pause in typing before asking the server. */
const SEARCH_AFTER_MS = 300;

/**
 * Documents the viewer can read, found by title words (`GET /documents?q=…&limit=20`), chosen ones
 * shown as removable chips with their titles in the order chosen. Titles of documents chosen before
 * (a composer opened with some) are looked up one by one.
 */
export function DocumentPicker({ value, onChange, label }: DocumentPickerProps) {
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), SEARCH_AFTER_MS);
  const found = useDocuments(q ? { q, limit: "20" } : { limit: "20" });
  // Titles seen in any search, so a chosen document keeps its chip when the next search leaves it out.
  const titles = useRef(new Map<string, string>());
  for (const d of found.data ?? []) titles.current.set(d.id, d.title);
  const unknown = value.filter((id) => !titles.current.has(id));
  const looked = useQueries({
    queries: unknown.map((id) => ({
      queryKey: documentKeys.one(id),
      queryFn: () => get<{ document: DocumentView }>(`/documents/${id}`),
      retry: false,
    })),
  });
  const chosen = value.map((id) => {
    const title = titles.current.get(id) ?? looked[unknown.indexOf(id)]?.data?.document.title;
    if (title) titles.current.set(id, title);
    const failed = looked[unknown.indexOf(id)]?.isError;
    return { id, title: title ?? (failed ? "A document you can no longer read" : "Loading its title…") };
  });
  const searching = search.trim() !== q || found.isFetching;
  return (
    <MultiSelect
      label={label}
      description="Type words of a title to find a document you can read."
      placeholder={value.length === 0 ? "Search documents" : undefined}
      data={pickerOptions(chosen, found.data ?? [])}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already matched the words (prefixes too); show what it found as it is.
      filter={({ options }) => options}
      nothingFoundMessage={
        searching ? "Searching…" : q ? "No document you can read has that in its title" : "No documents yet"
      }
      renderOption={({ option }) => {
        const owner = found.data?.find((d) => d.id === option.value)?.owner.name;
        return (
          <div>
            <Text size="sm">{option.label}</Text>
            {owner && (
              <Text size="xs" c="dimmed">
                Owner: {owner}
              </Text>
            )}
          </div>
        );
      }}
      clearable
      hidePickedOptions
      maxDropdownHeight={280}
    />
  );
}
