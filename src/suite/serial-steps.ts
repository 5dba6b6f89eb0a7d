import { AsyncLocalStorage } from 'node:async_hooks';
import type { ReportSink } from '../checks/index.ts';

type Item = { kind: 'attach'; name: string; content: string; contentType: string } | { kind: 'step'; rec: Recorded };

interface Recorded {
  name: string;
  items: Item[];
  failed: boolean;
  error?: unknown;
}

/** A step context: live (its step is open in the sink) or recording (replayed into its parent later). */
interface Frame {
  live: boolean;
  /** Live frames: a child step is open in the sink (or a replay is being written), so others must wait. */
  busy: boolean;
  /** Live frames: finished recordings and attachments waiting for the sink. */
  queue: Item[];
  rec?: Recorded;
}

/** A serialised sink, and the way to give each test its own top level of steps. */
export interface SerialSink extends ReportSink {
  /**
   * Runs a test's work with its own top level: tests that run side by side (a sandbox run's independent checks)
   * each open their steps live in their own test, never queued into another's.
   */
  isolated<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * Makes a sink safe for concurrent calls. Allure's steps are a stack of start/stop messages, so two steps
 * open at once would nest into each other and mix their attachments. Here one sibling is written live;
 * the others are recorded and written, whole and in the order they finished, as soon as the sink is free.
 * Their timings are those of the replay; their names, attachments and outcome are their own.
 */
export function serialSteps(sink: ReportSink): SerialSink {
  const als = new AsyncLocalStorage<Frame>();
  const root: Frame = { live: true, busy: false, queue: [] };

  const emit = async (item: Item): Promise<void> => {
    if (item.kind === 'attach') return sink.attach(item.name, item.content, item.contentType);
    const { rec } = item;
    await sink
      .step(rec.name, async () => {
        for (const i of rec.items) await emit(i);
        if (rec.failed) throw rec.error;
      })
      .catch(() => undefined); // the failure already reached the caller; here it only marks the step
  };

  const drain = async (f: Frame): Promise<void> => {
    if (f.busy) return;
    f.busy = true;
    try {
      for (let item = f.queue.shift(); item; item = f.queue.shift()) await emit(item);
    } finally {
      f.busy = false;
    }
  };

  return {
    isolated: (work) => als.run({ live: true, busy: false, queue: [] }, work),
    async step(name, fn) {
      const cur = als.getStore() ?? root;
      if (cur.live && !cur.busy) {
        cur.busy = true;
        const frame: Frame = { live: true, busy: false, queue: [] };
        try {
          return await sink.step(name, () =>
            als.run(frame, async () => {
              try {
                return await fn();
              } finally {
                await drain(frame);
              }
            }),
          );
        } finally {
          cur.busy = false;
          await drain(cur);
        }
      }
      const rec: Recorded = { name, items: [], failed: false };
      if (!cur.live) cur.rec?.items.push({ kind: 'step', rec });
      try {
        return await als.run({ live: false, busy: false, queue: [], rec }, fn);
      } catch (e) {
        rec.failed = true;
        rec.error = e;
        throw e;
      } finally {
        if (cur.live) {
          cur.queue.push({ kind: 'step', rec });
          await drain(cur);
        }
      }
    },
    async attach(name, content, contentType) {
      const cur = als.getStore() ?? root;
      const item: Item = { kind: 'attach', name, content, contentType };
      if (!cur.live) cur.rec?.items.push(item);
      else if (cur.busy) cur.queue.push(item);
      else await sink.attach(name, content, contentType);
    },
  };
}
