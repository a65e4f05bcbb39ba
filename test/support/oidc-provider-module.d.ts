// oidc-provider ships no types; the tests use a small part of it (test/support/oidc-provider.ts).
declare module "oidc-provider" {
  // biome-ignore lint/suspicious/noExplicitAny: an untyped test-only dependency
  const Provider: any;
  export default Provider;
}
