import { AsyncLocalStorage } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { ReportSink } from '../checks/index.ts';
import { serialSteps } from './serial-steps.ts';

interface Node {
  name: string;
  children: Array<Node | string>;
  failed?: boolean;
}

/** A sink that behaves like Allure's runtime: one stack, start/stop messages, attachments on the top step. */
function stackSink(): { sink: ReportSink; root: Node } {
  const root: Node = { name: 'test', children: [] };
  const stack: Node[] = [root];
  const top = (): Node => stack[stack.length - 1]!;
  return {
    root,
    sink: {
      async step(name, fn) {
        const node: Node = { name, children: [] };
        top().children.push(node);
        stack.push(node);
        try {
          return await fn();
        } catch (e) {
          node.failed = true;
          throw e;
        } finally {
          stack.pop();
        }
      },
      async attach(name) {
        top().children.push(name);
      },
    },
  };
}

const call = (r: ReportSink, name: string, ms: number): Promise<string> =>
  r.step(name, async () => {
    await sleep(ms);
    await r.attach(`${name} request`, '{}', 'application/json');
    await r.attach(`${name} response`, '{}', 'application/json');
    return name;
  });

describe('serialSteps', () => {
  it('keeps overlapping steps apart, each with its own attachments, in the order they finished', async () => {
    const { sink, root } = stackSink();
    const r = serialSteps(sink);
    const results = await r.step('burst', () => Promise.all([call(r, 'a', 30), call(r, 'b', 10), call(r, 'c', 20)]));
    expect(results).toEqual(['a', 'b', 'c']);
    expect(root.children).toEqual([
      {
        name: 'burst',
        children: [
          { name: 'a', children: ['a request', 'a response'] },
          { name: 'b', children: ['b request', 'b response'] },
          { name: 'c', children: ['c request', 'c response'] },
        ],
      },
    ]);
  });

  it('passes a failure to its caller at once and marks the replayed step failed', async () => {
    const { sink, root } = stackSink();
    const r = serialSteps(sink);
    const failing = (): Promise<void> =>
      r.step('b', async () => {
        await sleep(5);
        throw new Error('boom');
      });
    const outcomes = await Promise.allSettled([call(r, 'a', 20), failing()]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
    expect(root.children).toEqual([
      { name: 'a', children: ['a request', 'a response'] },
      { name: 'b', children: [], failed: true },
    ]);
  });

  it('writes sequential steps live, nested as called', async () => {
    const { sink, root } = stackSink();
    const r = serialSteps(sink);
    await r.step('outer', async () => {
      await call(r, 'inner', 1);
      await r.attach('note', 'x', 'text/plain');
    });
    expect(root.children).toEqual([{ name: 'outer', children: [{ name: 'inner', children: ['inner request', 'inner response'] }, 'note'] }]);
  });
});

/**
 * Allure's runtime for tests that run side by side: each test has its own stack, found from the async context the
 * message is sent in (as allure-vitest's concurrency-aware runner finds the current test).
 */
function perTestSink(): { sink: ReportSink; run<T>(test: string, fn: () => Promise<T>): Promise<T>; trees: Record<string, Node> } {
  const current = new AsyncLocalStorage<string>();
  const sinks = new Map<string, ReturnType<typeof stackSink>>();
  const of = (): ReportSink => {
    const test = current.getStore();
    if (!test) throw new Error('a message outside any test');
    return sinks.get(test)!.sink;
  };
  return {
    sink: { step: (name, fn) => of().step(name, fn), attach: (name, content, type) => of().attach(name, content, type) },
    run(test, fn) {
      sinks.set(test, stackSink());
      return current.run(test, fn);
    },
    get trees() {
      return Object.fromEntries([...sinks].map(([test, s]) => [test, s.root]));
    },
  };
}

describe('serialSteps for tests side by side', () => {
  it("writes each test's steps into that test, live, when each runs in its own top level", async () => {
    const tests = perTestSink();
    const r = serialSteps(tests.sink);
    // Test one's step is still open when test two's begins, and ends after it.
    await Promise.all([tests.run('one', () => r.isolated(() => call(r, 'one-call', 30))), tests.run('two', () => r.isolated(() => call(r, 'two-call', 5)))]);
    expect(tests.trees).toEqual({
      one: { name: 'test', children: [{ name: 'one-call', children: ['one-call request', 'one-call response'] }] },
      two: { name: 'test', children: [{ name: 'two-call', children: ['two-call request', 'two-call response'] }] },
    });
  });

  it('without a top level of its own, a second test’s step would be queued behind the first test’s and written into it', async () => {
    const tests = perTestSink();
    const r = serialSteps(tests.sink);
    await Promise.all([tests.run('one', () => call(r, 'one-call', 30)), tests.run('two', () => call(r, 'two-call', 5))]);
    expect(tests.trees.two?.children).toEqual([]);
    expect(tests.trees.one?.children.map((c) => (typeof c === 'string' ? c : c.name))).toEqual(['one-call', 'two-call']);
  });
});
