import pg from "pg";

const RECONNECT_MS = 1000;

export interface Listener {
  close(): Promise<void>;
}

/**
 * LISTENs on `channel` over a dedicated connection (a pooled one would be handed back and lose it),
 * calling `onNotify` for each notification. A lost connection is reopened, and `onNotify` called
 * once more then, since notifications sent meanwhile are gone.
 */
export async function listen(
  connectionString: string,
  channel: string,
  onNotify: () => void,
): Promise<Listener> {
  let closing = false;
  let client = await connect(connectionString, channel, onNotify, () => reconnect());
  let retry: NodeJS.Timeout | undefined;

  function reconnect() {
    if (closing || retry) return;
    retry = setTimeout(async () => {
      retry = undefined;
      try {
        client = await connect(connectionString, channel, onNotify, () => reconnect());
        if (closing) await client.end();
        else onNotify();
      } catch {
        reconnect();
      }
    }, RECONNECT_MS);
    retry.unref();
  }

  return {
    async close() {
      closing = true;
      clearTimeout(retry);
      await client.end().catch(() => undefined);
    },
  };
}

async function connect(
  connectionString: string,
  channel: string,
  onNotify: () => void,
  onLost: () => void,
): Promise<pg.Client> {
  const client = new pg.Client({ connectionString });
  client.on("notification", (message) => {
    if (message.channel === channel) onNotify();
  });
  client.on("error", onLost);
  client.on("end", onLost);
  await client.connect();
  await client.query(`listen ${pg.escapeIdentifier(channel)}`);
  return client;
}
