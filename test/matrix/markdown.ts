import { everyRole, type RouteCase } from "../support/matrix";

// Anyone signed in may preview: it reads nothing of the organisation and writes nothing.
export const cases: RouteCase[] = [
  {
    route: "POST /api/v1/markdown/preview",
    prepare: async () => ({ body: { markdown: "We work **across zones**." } }),
    expect: everyRole(200),
    badInput: { wrongType: { field: "markdown", value: 42 }, oversized: "markdown" },
  },
];
