import { and, asc, eq, gt, max, sql } from "drizzle-orm";
import type { EventAudience, LiveEvent, LiveEventType } from "../../../contracts/events";
import { LOCKS } from "../db/lock";
import type { Database, Db, Executor } from "../db/types";
import { type Recipient, reaches } from "./audience";
import { type Listener, listen } from "./listener";
import { liveEvents } from "./live-events.table";

export const EVENTS_CHANNEL = "tandem_live_events";
/** Rows older than this are pruned; a stream reconnecting within five minutes still finds its events. */
const KEEP = "10 minutes";
const PRUNE_EVERY_MS = 60_000;
const PAGE = 500;
const RETRY_MS = 1000;

export interface Publication {
  type: LiveEventType;
  /** The object that changed. */
  id: string;
  audience: EventAudience;
}

/** An event as stored: `seq` is its row id, the stream's event id (increasing in commit order). */
export interface StoredEvent {
  seq: number;
  audience: EventAudience;
  event: LiveEvent;
}

export interface Subscription {
  /** Settles once the events missed since `Last-Event-ID` are sent; rejects if they could not be read. */
  ready: Promise<void>;
  stop(): void;
}

type Delivery = (event: StoredEvent) => void;

/**
 * Live events: `publish` writes a row with the caller's transaction; after commit every instance
 * reads the new rows in id order and hands them to its subscribers. PostgreSQL wakes each instance
 * with NOTIFY (delivered on commit only); PGlite is one process, woken in-process.
 */
export class LiveEvents {
  private readonly deliveries = new Set<Delivery>();
  private cursor = 0;
  private draining: Promise<void> | undefined;
  private pending = false;
  private closed = false;
  private listener: Listener | undefined;
  private readonly pruning: NodeJS.Timeout;

  private constructor(private readonly database: Database) {
    this.pruning = setInterval(() => void this.prune().catch(() => undefined), PRUNE_EVERY_MS);
    this.pruning.unref();
  }

  static async start(database: Database): Promise<LiveEvents> {
    const events = new LiveEvents(database);
    if (database.kind === "postgres" && database.connectionString)
      events.listener = await listen(database.connectionString, EVENTS_CHANNEL, () => events.wake());
    const [row] = await database.db.select({ last: max(liveEvents.id) }).from(liveEvents);
    events.cursor = row?.last ?? 0;
    return events;
  }

  /**
   * Records the event with `tx`, so it exists exactly when the change commits. Publishers take
   * turns from here to commit, so ids become visible in increasing order and no reader's cursor
   * skips one: publish last in a transaction.
   */
  async publish(tx: Executor, { type, id, audience }: Publication): Promise<void> {
    const { organisationId, ...who } = audience;
    await tx.execute(sql`
      insert into live_events (organisation_id, type, object_id, audience)
      select ${organisationId}::uuid, ${type}::text, ${id}::text, ${JSON.stringify(who)}::jsonb
      from (select pg_advisory_xact_lock(${LOCKS.liveEvents}::bigint)) as turn`);
    if (this.database.kind === "postgres") await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, '')`);
    // PGlite runs one transaction at a time: the drain's read waits for this one to end.
    else this.wake();
  }

  /**
   * `publish` for many events in one insert (a notification to 5,000 people): one turn, one wake.
   * The same rules apply: inside the transaction of the change, last in it.
   */
  async publishMany(tx: Executor, publications: readonly Publication[]): Promise<void> {
    if (publications.length === 0) return;
    const rows = publications.map(({ type, id, audience: { organisationId, ...who } }) => {
      return sql`(${organisationId}::uuid, ${type}::text, ${id}::text, ${JSON.stringify(who)}::jsonb)`;
    });
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCKS.liveEvents}::bigint)`);
    for (let i = 0; i < rows.length; i += PAGE) {
      await tx.execute(sql`
        insert into live_events (organisation_id, type, object_id, audience)
        values ${sql.join(rows.slice(i, i + PAGE), sql`, `)}`);
    }
    if (this.database.kind === "postgres") await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, '')`);
    else this.wake();
  }

  /** Sends `recipient` the events meant for them, first those after `afterSeq` when resuming. */
  subscribe(
    recipient: Recipient,
    afterSeq: number | undefined,
    send: (event: StoredEvent) => void,
  ): Subscription {
    let held: StoredEvent[] | undefined = afterSeq === undefined ? undefined : [];
    let last = afterSeq ?? 0;
    const forward = (event: StoredEvent) => {
      if (event.seq <= last) return;
      last = event.seq;
      send(event);
    };
    const delivery: Delivery = (event) => {
      if (!reaches(event.audience, recipient)) return;
      if (held) held.push(event);
      else forward(event);
    };
    this.deliveries.add(delivery);
    const ready =
      afterSeq === undefined
        ? Promise.resolve()
        : this.since(recipient, afterSeq).then((missed) => {
            for (const event of [...missed, ...(held ?? [])]) forward(event);
            held = undefined;
          });
    return { ready, stop: () => this.deliveries.delete(delivery) };
  }

  /** The events for `recipient` after `afterSeq` still kept, oldest first. */
  async since(recipient: Recipient, afterSeq: number): Promise<StoredEvent[]> {
    const found: StoredEvent[] = [];
    for (let after = afterSeq; ; ) {
      const rows = await this.read(this.database.db, after, recipient.organisationId);
      found.push(...rows.filter((row) => reaches(row.audience, recipient)));
      if (rows.length < PAGE) return found;
      after = rows.at(-1)?.seq ?? after;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.pruning);
    this.deliveries.clear();
    await this.listener?.close();
    await this.draining;
  }

  private wake(): void {
    this.pending = true;
    this.draining ??= this.drain()
      .catch(() => this.wakeLater())
      .finally(() => {
        this.draining = undefined;
      });
  }

  /** A failed read (database briefly away) is retried from the same cursor. */
  private wakeLater(): void {
    if (this.closed) return;
    setTimeout(() => this.wake(), RETRY_MS).unref();
  }

  private async drain(): Promise<void> {
    while (this.pending) {
      this.pending = false;
      for (let rows = await this.read(this.database.db, this.cursor); ; ) {
        for (const row of rows) {
          this.cursor = row.seq;
          for (const deliver of this.deliveries) deliver(row);
        }
        if (rows.length < PAGE) break;
        rows = await this.read(this.database.db, this.cursor);
      }
    }
  }

  private async read(db: Db, afterSeq: number, organisationId?: string): Promise<StoredEvent[]> {
    const after = gt(liveEvents.id, afterSeq);
    const rows = await db
      .select()
      .from(liveEvents)
      .where(organisationId ? and(eq(liveEvents.organisationId, organisationId), after) : after)
      .orderBy(asc(liveEvents.id))
      .limit(PAGE);
    return rows.map((row) => ({
      seq: row.id,
      audience: { organisationId: row.organisationId, ...row.audience },
      event: { type: row.type, id: row.objectId, at: row.at.toISOString() },
    }));
  }

  /** Deletes rows older than kept; run every minute, public for tests. */
  async prune(): Promise<void> {
    await this.database.db.execute(sql`delete from live_events where at < now() - ${KEEP}::interval`);
  }
}
