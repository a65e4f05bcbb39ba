import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { filtersFromParams, filtersToParams, type SearchFilters } from "./query";

/**
 * The search, kept in the address. New words are a new entry in the history (Back returns to the
 * previous search); a filter changes the current one. The state is held here too: the router writes
 * the address in a transition, and a control bound only to the address would flick back until it lands.
 */
export function useSearchFilters() {
  const [params, setParams] = useSearchParams();
  const address = params.toString();
  const [filters, setFilters] = useState(() => filtersFromParams(params));
  // The address changed from elsewhere (the top bar's box, a link, Back): follow it.
  useEffect(() => {
    setFilters((prev) =>
      filtersToParams(prev).toString() === address ? prev : filtersFromParams(new URLSearchParams(address)),
    );
  }, [address]);
  const change = (next: SearchFilters, history: "push" | "replace" = "replace") => {
    setFilters(next);
    setParams(filtersToParams(next), { replace: history === "replace" });
  };
  return [filters, change] as const;
}
