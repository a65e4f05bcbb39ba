import { afterAll } from "vitest";
import { closeOpenEnvs } from "./harness";

// Runs after every integration test file: the envs it made of its own are closed with it.
afterAll(closeOpenEnvs);
