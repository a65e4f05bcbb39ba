import { threadId } from "node:worker_threads";

export type TestTask =
  | { kind: "echo"; value: number }
  | { kind: "spin" }
  | { kind: "hog" }
  | { kind: "sleep"; ms: number };

/** Tasks for the pool's own tests: answer, loop forever, eat memory, or block the thread a while. */
export default function testTask(task: TestTask): { value: number; threadId: number } {
  if (task.kind === "spin") for (;;);
  if (task.kind === "hog") {
    const kept: number[][] = [];
    for (;;) kept.push(new Array(1_000_000).fill(kept.length));
  }
  if (task.kind === "sleep") Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, task.ms);
  return { value: task.kind === "echo" ? task.value * 2 : 0, threadId };
}
