import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";

/**
 * A page's filters kept in the address, so Back and shared links keep them. The state is held here
 * too: the router writes the address in a transition, and a control bound only to the address would
 * flick back until it lands. `change` replaces the current entry, or with "push" adds one (new search
 * words, which Back then undoes). `fromParams` and `toParams` are the page's (module-level) codec.
 */
export function useAddressFilters<F>(
  fromParams: (params: URLSearchParams) => F,
  toParams: (filters: F) => URLSearchParams,
) {
  const [params, setParams] = useSearchParams();
  const address = params.toString();
  const [filters, setFilters] = useState(() => fromParams(params));
  // The address changed from elsewhere (a link, the top bar's search box, Back): follow it.
  useEffect(() => {
    setFilters((prev) =>
      toParams(prev).toString() === address ? prev : fromParams(new URLSearchParams(address)),
    );
  }, [address, fromParams, toParams]);
  const change = (next: F, history: "push" | "replace" = "replace") => {
    setFilters(next);
    setParams(toParams(next), { replace: history === "replace" });
  };
  return [filters, change] as const;
}
