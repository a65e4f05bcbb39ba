import { threadId } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { WorkerPool, WorkerTaskError } from "./pool";
import type { TestTask } from "./pool.test-task";

const TASK = new URL("./pool.test-task.ts", import.meta.url);
type Answer = { value: number; threadId: number };

let pool: WorkerPool;
afterEach(() => pool.close());

const run = (task: TestTask, budgetMs = 20_000) => pool.run<Answer>(TASK, task, budgetMs);

describe("worker pool", () => {
  it("runs a TypeScript task in a worker thread and returns its result", async () => {
    pool = new WorkerPool({ heapMb: 128, threads: 1 });
    const answer = await run({ kind: "echo", value: 21 });
    expect(answer.value).toBe(42);
    expect(answer.threadId).not.toBe(threadId);
  });

  it("ends a task stuck in a loop at its budget by terminating its thread; the next task gets a new one", async () => {
    pool = new WorkerPool({ heapMb: 128, threads: 1 });
    const first = await run({ kind: "echo", value: 1 });
    await expect(run({ kind: "spin" }, 300)).rejects.toSatisfy(
      (err) => err instanceof WorkerTaskError && err.reason === "timeout",
    );
    expect(pool.threadCount).toBe(0);
    const next = await run({ kind: "echo", value: 2 });
    expect(next.value).toBe(4);
    expect(next.threadId).not.toBe(first.threadId);
  });

  it("ends a task that grows past the heap limit", async () => {
    pool = new WorkerPool({ heapMb: 64, threads: 1 });
    await expect(run({ kind: "hog" })).rejects.toSatisfy(
      (err) => err instanceof WorkerTaskError && err.reason === "out_of_memory",
    );
    expect((await run({ kind: "echo", value: 3 })).value).toBe(6);
  });

  it("counts the budget from when a thread starts the task, not while it waits in the queue", async () => {
    pool = new WorkerPool({ heapMb: 128, threads: 1 });
    await run({ kind: "echo", value: 0 });
    const slow = run({ kind: "sleep", ms: 1_500 });
    const queued = run({ kind: "echo", value: 5 }, 1_000);
    await expect(queued).resolves.toMatchObject({ value: 10 });
    await slow;
  });
});
