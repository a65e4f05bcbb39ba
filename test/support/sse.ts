import type { Caller } from "./harness";

export interface SseMessage {
  id: string | undefined;
  data: unknown;
}

export interface SseClient {
  status: number;
  contentType: string | null;
  /** The next message (comments and `retry:` lines skipped); undefined once the stream has ended. */
  next(): Promise<SseMessage | undefined>;
  close(): Promise<void>;
}

/** Opens a Server-Sent Events stream over real HTTP, as EventSource would (with Last-Event-ID). */
export async function openSse(url: string, as: Caller, lastEventId?: string): Promise<SseClient> {
  const headers: Record<string, string> = { accept: "text/event-stream" };
  if (as.kind === "session") headers.cookie = `tandem_session=${as.cookie}`;
  if (as.kind === "token") headers.authorization = `Bearer ${as.token}`;
  if (lastEventId !== undefined) headers["last-event-id"] = lastEventId;
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let buffered = "";

  const readBlock = async (): Promise<string | undefined> => {
    for (;;) {
      const end = buffered.indexOf("\n\n");
      if (end >= 0) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        return block;
      }
      const chunk = await reader?.read();
      if (!chunk || chunk.done) return undefined;
      buffered += decoder.decode(chunk.value, { stream: true });
    }
  };

  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    async next() {
      for (;;) {
        const block = await readBlock();
        if (block === undefined) return undefined;
        const fields = block
          .split("\n")
          .filter((line) => !line.startsWith(":") && !line.startsWith("retry:"));
        const data = fields.find((line) => line.startsWith("data: "));
        if (!data) continue;
        const id = fields.find((line) => line.startsWith("id: "))?.slice(4);
        return { id, data: JSON.parse(data.slice(6)) };
      }
    },
    async close() {
      controller.abort();
      await reader?.cancel().catch(() => undefined);
    },
  };
}
