/** Module boundaries of ENGINEERING.md §2, checked by `npm run boundaries` inside `npm test`. */
module.exports = {
  forbidden: [
    { name: "no-cycles", severity: "error", from: {}, to: { circular: true } },
    {
      name: "core-is-pure",
      comment: "core/ holds pure domain logic: it imports nothing from server/ or web/",
      severity: "error",
      from: { path: "^src/core" },
      to: { path: "^src/(server|web)" },
    },
    {
      name: "contracts-are-leaves",
      comment: "contracts/ is shared by server and web: it imports nothing of ours outside itself",
      severity: "error",
      from: { path: "^src/contracts" },
      to: { path: "^src/", pathNot: "^src/contracts/" },
    },
    {
      name: "web-only-contracts-and-core",
      comment: "the SPA talks to the server over HTTP only",
      severity: "error",
      from: { path: "^src/web" },
      to: { path: "^src/server" },
    },
    {
      name: "platform-knows-no-domain",
      severity: "error",
      from: { path: "^src/server/platform" },
      to: { path: "^src/server/modules" },
    },
    {
      name: "modules-through-index",
      comment:
        "a module uses another module's behaviour only through its index.ts; *.table.ts files are the shared schema (joins, foreign keys) and *.visibility.ts files who may see its rows, as SQL over it (lists, links, search)",
      severity: "error",
      from: { path: "^src/server/modules/([^/]+)/" },
      to: {
        path: "^src/server/modules/([^/]+)/(?!index\\.ts$)",
        pathNot: ["^src/server/modules/$1/", "\\.table\\.ts$", "\\.visibility\\.ts$"],
      },
    },
    {
      name: "visibility-is-schema",
      comment: "a *.visibility.ts file is SQL over the shared schema: it imports tables (and drizzle) only",
      severity: "error",
      from: { path: "\\.visibility\\.ts$" },
      to: { path: "^src/", pathNot: "\\.table\\.ts$" },
    },
    {
      name: "features-through-index",
      comment:
        "a web feature uses another feature only through its index.ts; what two features share lives in components/ or lib/",
      severity: "error",
      from: { path: "^src/web/features/([^/]+)/" },
      to: {
        path: "^src/web/features/([^/]+)/(?!index\\.ts$)",
        pathNot: "^src/web/features/$1/",
      },
    },
    {
      name: "shell-through-feature-index",
      comment:
        "app/ (routes, layout) reaches a feature only through its index.ts, which loads the pages lazily",
      severity: "error",
      from: { path: "^src/web/", pathNot: "^src/web/features/" },
      to: { path: "^src/web/features/[^/]+/(?!index\\.ts$)" },
    },
    {
      name: "shared-web-knows-no-feature",
      comment: "components/ and lib/ are shared by the features: they import none",
      severity: "error",
      from: { path: "^src/web/(components|lib)/" },
      to: { path: "^src/web/features/" },
    },
    {
      name: "no-feature-cycles",
      comment: "web features depend on each other in one direction only",
      severity: "error",
      scope: "folder",
      from: { path: "^src/web/features/[^/]+" },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js"] },
  },
};
