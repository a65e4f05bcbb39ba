import type { FastifyInstance } from "fastify";
import type { z } from "zod";
import type { JobDefinition } from "./job";

export type RegisterRoutes<D> = (app: FastifyInstance, deps: D) => void | Promise<void>;

/**
 * A module as the server sees it: its routes and its jobs (periodic ones carry their schedule).
 * `src/server/modules.ts` lists every module; the app registers their routes, the worker their jobs.
 */
export interface ModuleDefinition<D> {
  readonly name: string;
  readonly routes: readonly RegisterRoutes<D>[];
  readonly jobs: readonly JobDefinition<z.ZodType, D>[];
}

export function defineModule<D>(module: {
  name: string;
  routes?: readonly RegisterRoutes<D>[];
  jobs?: readonly JobDefinition<z.ZodType, D>[];
}): ModuleDefinition<D> {
  return { name: module.name, routes: module.routes ?? [], jobs: module.jobs ?? [] };
}
