/** The subset of a pino logger that code outside HTTP requests uses (Fastify's `app.log` fits it). */
export interface Log {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

const LEVELS: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 };

/** Pino-shaped JSON lines on stderr, for processes that have no Fastify logger (the job worker). */
export function stderrLog(level: string): Log {
  const threshold = LEVELS[level] ?? Number.POSITIVE_INFINITY;
  const write = (value: number) => (fields: Record<string, unknown>, message: string) => {
    if (value < threshold) return;
    process.stderr.write(`${JSON.stringify({ level: value, time: Date.now(), ...fields, msg: message })}\n`);
  };
  return { info: write(30), warn: write(40), error: write(50) };
}

export const silentLog: Log = { info: () => undefined, warn: () => undefined, error: () => undefined };
