#!/usr/bin/env node
// The `tandem` command. TypeScript runs through tsx's loader: no separate server build step.
import { register } from "tsx/esm/api";

register();
await import("../src/server/cli/main.ts");
