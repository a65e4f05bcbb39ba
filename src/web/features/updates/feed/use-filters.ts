import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { type FeedFilterState, filtersFromParams, filtersToParams } from "./filters";

/**
 * The feed's filters, kept in the address. The state is held here too: the router writes the
 * address in a transition, and a switch bound only to the address would flick back until it lands.
 */
export function useFeedFilters() {
  const [params, setParams] = useSearchParams();
  const address = params.toString();
  const [filters, setFilters] = useState(() => filtersFromParams(params));
  // The address changed from elsewhere (a link, Back): follow it.
  useEffect(() => {
    setFilters((prev) =>
      filtersToParams(prev).toString() === address ? prev : filtersFromParams(new URLSearchParams(address)),
    );
  }, [address]);
  const change = (next: FeedFilterState) => {
    setFilters(next);
    setParams(filtersToParams(next), { replace: true });
  };
  return [filters, change] as const;
}
