import type { ReportSink } from '../checks/index.ts';

type Node = { kind: 'step'; name: string; failed: boolean; children: Node[] } | { kind: 'attach'; name: string; content: string; contentType: string };

/**
 * A report sink that keeps steps and attachments to show later. Work done before any test (a partner's
 * `setup` in beforeAll) must not land in whichever test the reporter thinks is current — allure-vitest puts
 * hook steps into every test of the file — so it is recorded, then replayed into a test of its own.
 */
export function recordingSink(): { sink: ReportSink; replay(into: ReportSink): Promise<void> } {
  const root: Node[] = [];
  let current = root;
  const sink: ReportSink = {
    async step(name, fn) {
      const node: Node = { kind: 'step', name, failed: false, children: [] };
      current.push(node);
      const parent = current;
      current = node.children;
      try {
        return await fn();
      } catch (e) {
        node.failed = true;
        throw e;
      } finally {
        current = parent;
      }
    },
    async attach(name, content, contentType) {
      current.push({ kind: 'attach', name, content, contentType });
    },
  };
  const replay = async (nodes: readonly Node[], into: ReportSink): Promise<void> => {
    for (const n of nodes) {
      if (n.kind === 'attach') await into.attach(n.name, n.content, n.contentType);
      else await into.step(n.failed ? `${n.name} (failed)` : n.name, () => replay(n.children, into));
    }
  };
  return { sink, replay: (into) => replay(root, into) };
}

/** A sink that forwards to whichever sink it is routed to now. */
export function routedSink(initial: ReportSink): { sink: ReportSink; route(to: ReportSink): void } {
  let target = initial;
  return {
    sink: { step: (name, fn) => target.step(name, fn), attach: (name, content, contentType) => target.attach(name, content, contentType) },
    route: (to) => (target = to),
  };
}
