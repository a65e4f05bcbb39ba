import { availableParallelism } from "node:os";
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";

export type WorkerFailure = "timeout" | "out_of_memory" | "busy";

/** A task the pool gave up on: it ran past its budget, ran out of memory, or found the queue full. */
export class WorkerTaskError extends Error {
  constructor(
    readonly reason: WorkerFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface WorkerPoolOptions {
  /** Heap (old generation) each worker may grow to before it is ended, in MB. */
  heapMb: number;
  threads?: number;
}

/** Tasks waiting for a thread; one more is refused as "busy" rather than queued without end. */
const MAX_QUEUE = 32;
const IDLE_THREAD_MS = 60_000;
const NICE_INCREMENT = 10;
const ENTRY = new URL("./worker.mjs", import.meta.url);

/**
 * Runs pure, slow or untrusted work in worker threads, off the event loop. A task is a module
 * whose default export takes a structured-cloneable input and returns a structured-cloneable
 * result. Each run has a hard time budget, counted from when a thread starts it (not while it
 * queues): past it the thread is terminated, so a task stuck in a loop cannot keep a core.
 * Threads are created on first use, leave one core to the main thread and run at a lower priority.
 */
export class WorkerPool {
  #piscina: Piscina | undefined;
  #running = 0;

  constructor(private readonly options: WorkerPoolOptions) {}

  /** `transfer`: buffers of `input` whose memory moves to the thread instead of being copied (then unusable here). */
  async run<Result>(
    module: URL,
    input: unknown,
    budgetMs: number,
    transfer: readonly ArrayBuffer[] = [],
  ): Promise<Result> {
    const { port1: started, port2: startedInWorker } = new MessageChannel();
    const budget = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    let running = false;
    started.once("message", () => {
      running = true;
      this.#running++;
      timer = setTimeout(() => budget.abort(), budgetMs);
    });
    try {
      return await this.#pool().run(
        { module: module.href, input, started: startedInWorker },
        { transferList: [startedInWorker, ...transfer], signal: budget.signal },
      );
    } catch (err) {
      throw explain(err, budget.signal.aborted, budgetMs);
    } finally {
      clearTimeout(timer);
      started.close();
      if (running) this.#running--;
    }
  }

  /** Terminates every thread; running tasks fail. The pool is created afresh if used again. */
  async close(): Promise<void> {
    const piscina = this.#piscina;
    this.#piscina = undefined;
    await piscina?.destroy();
  }

  /** Tasks a thread is running right now (not those waiting in the queue). */
  get running(): number {
    return this.#running;
  }

  /** Threads alive right now (tests check a timed-out task's thread is gone). */
  get threadCount(): number {
    return this.#piscina?.threads.length ?? 0;
  }

  #pool(): Piscina {
    this.#piscina ??= new Piscina({
      filename: ENTRY.href,
      minThreads: 0,
      maxThreads: this.options.threads ?? Math.max(1, availableParallelism() - 1),
      maxQueue: MAX_QUEUE,
      idleTimeout: IDLE_THREAD_MS,
      // A larger young generation: reading a calendar makes many short-lived objects, and a small
      // nursery spends more time collecting them than reading (the 20k-event import reads ~15%
      // faster at 128 MB than at 64; the 50 MB file's peak growth stays ~158 MB).
      resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb, maxYoungGenerationSizeMb: 128 },
      // Lower priority (Linux: per thread): on a small machine the event loop wins the core.
      niceIncrement: NICE_INCREMENT,
    });
    return this.#piscina;
  }
}

function explain(err: unknown, timedOut: boolean, budgetMs: number): unknown {
  if (timedOut) return new WorkerTaskError("timeout", `The task ran past its ${budgetMs} ms budget`);
  if ((err as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY") {
    return new WorkerTaskError("out_of_memory", "The task ran out of memory");
  }
  if (err instanceof Error && err.message === "Task queue is at limit") {
    return new WorkerTaskError("busy", "Every worker is busy and the queue is full");
  }
  return err;
}
