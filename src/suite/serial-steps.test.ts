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
