/** The answer a partner gave under a key, kept to be replayed byte for byte. */
export interface SavedAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A key being processed: duplicates see it, and may wait for `done` (undefined when the work was abandoned). */
export interface InFlightEntry {
  state: 'in-flight';
  fingerprint: string;
  at: number;
  done: Promise<SavedAnswer | undefined>;
}

export interface DoneEntry {
  state: 'done';
  fingerprint: string;
  at: number;
  saved: SavedAnswer;
}

export type KeyEntry = InFlightEntry | DoneEntry;

/** What a request under a key gets, judged against what the key already holds. */
export type KeyDecision = 'proceed' | 'replay' | 'conflict' | 'in-flight';

/** Pure: a free key proceeds; a held one replays, conflicts (other body) or is in flight. */
export function decide(entry: KeyEntry | undefined, fingerprint: string): KeyDecision {
  if (!entry) return 'proceed';
  if (entry.state === 'in-flight') return 'in-flight';
  return entry.fingerprint === fingerprint ? 'replay' : 'conflict';
}

/** The hold on a key taken before the work starts; settled once with the answer, or abandoned. */
export interface KeyTicket {
  scope: string;
  settle(saved: SavedAnswer | undefined): void;
}

/**
 * Keys by scope (operation + key), each in flight or done, forgotten `windowMs` after they were taken.
 * Synchronous on purpose: `peek` + `take` with no await between them is the atomic check-and-set that
 * makes concurrent duplicates safe on one event loop.
 */
export class IdempotencyKeyStore {
  private readonly entries = new Map<string, KeyEntry>();

  constructor(private readonly windowMs: number) {}

  peek(scope: string, now: number): KeyEntry | undefined {
    const e = this.entries.get(scope);
    if (e && e.state === 'done' && now - e.at > this.windowMs) {
      this.entries.delete(scope);
      return undefined;
    }
    return e;
  }

  /** The done entry of an operation with this body, for partners that deduplicate on the body alone. */
  findByBody(prefix: string, fingerprint: string, now: number): DoneEntry | undefined {
    for (const [scope, e] of this.entries) {
      if (scope.startsWith(prefix) && e.state === 'done' && e.fingerprint === fingerprint && now - e.at <= this.windowMs) return e;
    }
    return undefined;
  }

  take(scope: string, fingerprint: string, now: number): KeyTicket {
    let settle!: (saved: SavedAnswer | undefined) => void;
    const done = new Promise<SavedAnswer | undefined>((resolve) => (settle = resolve));
    const entry: InFlightEntry = { state: 'in-flight', fingerprint, at: now, done };
    this.entries.set(scope, entry);
    return {
      scope,
      settle: (saved) => {
        // Only the hold still in place is replaced: a defect may have let another request overwrite it.
        if (this.entries.get(scope) === entry) {
          if (saved) this.entries.set(scope, { state: 'done', fingerprint, at: now, saved });
          else this.entries.delete(scope);
        }
        settle(saved);
      },
    };
  }

  /** Records an answer without a prior hold (what a partner that records after the fact does). */
  record(scope: string, fingerprint: string, saved: SavedAnswer, now: number): void {
    this.entries.set(scope, { state: 'done', fingerprint, at: now, saved });
  }
}
