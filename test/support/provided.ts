// What the run's global setup hands to test workers.
declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    pgliteTemplate: string;
  }
}

export {};
