import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { filtersFromParams, filtersToParams, type ListFilters } from "../doc-text";

/**
 * The list's filters (tag, team), kept in the address so Back and shared links keep them. The state
 * is held here too: the router writes the address in a transition, and a field bound only to the
 * address would flick back until it lands.
 */
export function useListFilters() {
  const [params, setParams] = useSearchParams();
  const address = params.toString();
  const [filters, setFilters] = useState(() => filtersFromParams(params));
  // The address changed from elsewhere (a tag's link, Back): follow it.
  useEffect(() => {
    setFilters((prev) =>
      filtersToParams(prev).toString() === address ? prev : filtersFromParams(new URLSearchParams(address)),
    );
  }, [address]);
  const change = (next: ListFilters) => {
    setFilters(next);
    setParams(filtersToParams(next), { replace: true });
  };
  return [filters, change] as const;
}
