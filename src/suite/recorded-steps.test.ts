import { describe, expect, it } from 'vitest';
import type { ReportSink } from '../checks/index.ts';
import { recordingSink, routedSink } from './recorded-steps.ts';

/** A sink that writes what it is given as indented lines. */
function lines(): { sink: ReportSink; out: string[] } {
  const out: string[] = [];
  let depth = 0;
  return {
    out,
    sink: {
      async step(name, fn) {
        out.push(`${'  '.repeat(depth)}step ${name}`);
        depth++;
        try {
          return await fn();
        } finally {
          depth--;
        }
      },
      async attach(name, content) {
        out.push(`${'  '.repeat(depth)}attach ${name}: ${content}`);
      },
    },
  };
}

describe('recordingSink', () => {
  it('keeps nested steps and attachments, failed ones marked, and shows them later', async () => {
    const rec = recordingSink();
    await rec.sink.step('step 1', async () => {
      await rec.sink.attach('request #1', '{}', 'application/json');
      await rec.sink.step('inner', async () => rec.sink.attach('response #1 (201)', '{"id":1}', 'application/json'));
    });
    await expect(rec.sink.step('step 2', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    const shown = lines();
    expect(shown.out).toEqual([]);
    await rec.replay(shown.sink);
    expect(shown.out).toEqual(['step step 1', '  attach request #1: {}', '  step inner', '    attach response #1 (201): {"id":1}', 'step step 2 (failed)']);
  });
});

describe('routedSink', () => {
  it('forwards to the sink it is routed to now', async () => {
    const a = lines();
    const b = lines();
    const r = routedSink(a.sink);
    await r.sink.attach('one', '1', 'text/plain');
    r.route(b.sink);
    await r.sink.step('two', async () => undefined);
    expect([a.out, b.out]).toEqual([['attach one: 1'], ['step two']]);
  });
});
