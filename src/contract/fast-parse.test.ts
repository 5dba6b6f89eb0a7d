import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { InputError, parseLocatedYaml } from '../source/index.ts';
import { parseContractText } from './fast-parse.ts';
import { jsonLocator } from './json-locate.ts';
import { yamlLocator } from './yaml-locate.ts';

/** Every key path of a value, depth first. */
function paths(v: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof v !== 'object' || v === null) return [at];
  const kids = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
  return [at, ...kids.flatMap(([k, x]) => paths(x, [...at, k]))];
}

describe('a contract file read the fast way', () => {
  test.each(['test/fixtures/contracts/petty-3.0.json', 'contracts/pixpay/pixpay.openapi.yaml'])('%s: the same data, and every key and value placed where the located read places it', async (file) => {
    const text = await readFile(file, 'utf8');
    const slow = parseLocatedYaml(file, text);
    const fast = await parseContractText(file, text);
    expect(fast.data).toEqual(slow.data);
    const all = paths(slow.data);
    expect(all.length).toBeGreaterThan(40);
    for (const p of [...all, ['paths', 'nowhere', 'get'], ['info', 'title', 'deeper']]) {
      expect(fast.locate(p), p.join('/')).toEqual(slow.locate(p));
      expect(fast.locate(p, 'key'), p.join('/')).toEqual(slow.locate(p, 'key'));
    }
    expect(fast.problem(['info', 'title'], 'x')).toEqual(slow.problem(['info', 'title'], 'x'));
  });

  test.each([
    ['adyen/PayoutService-v68.yaml', yamlLocator],
    ['paypal/payments_payment_v2.json', jsonLocator],
  ] as const)('%s: the quick locator places nearly every key and value of a published contract, each where the located read does', async (name, locator) => {
    const text = await readFile(`../shared/contracts-real/${name}`, 'utf8');
    const slow = parseLocatedYaml(name, text);
    const quick = locator(text);
    let placed = 0;
    // Every third path: the walk from the root for each is what costs, not the comparison.
    const all = paths(slow.data).filter((_, i) => i % 3 === 0);
    for (const p of all) {
      for (const at of ['value', 'key'] as const) {
        const q = quick(p, at);
        if (q === undefined) continue;
        placed++;
        expect(q, `${p.join('/')} (${at})`).toEqual(slow.locate(p, at));
      }
    }
    expect(placed / (2 * all.length)).toBeGreaterThan(0.95);
  });

  test('a key a reader might take for a number is left to the located read; one that cannot be a number is placed', () => {
    const text = ['examples:', '  01.klarna:', '    x: 1', '  2.klarna-201:', '    value: 2', '  01: a', '  1e3: b', '  0x1F: c', '  .5: d', '  1_000: e', ''].join('\n');
    const slow = parseLocatedYaml('c.yaml', text);
    const quick = yamlLocator(text);
    const keys = Object.keys((slow.data as { examples: object }).examples);
    for (const k of keys) {
      const q = quick(['examples', k], 'key');
      if (q !== undefined) expect(q, k).toEqual(slow.locate(['examples', k], 'key'));
    }
    expect(quick(['examples', '01.klarna'], 'key')).toEqual(slow.locate(['examples', '01.klarna'], 'key'));
    expect(quick(['examples', '2.klarna-201', 'value'])).toEqual(slow.locate(['examples', '2.klarna-201', 'value']));
  });

  const refused = (text: string) => parseContractText('c.yaml', text).then(() => 'read', (e: unknown) => (e instanceof InputError ? e.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join('\n') : String(e)));

  test('what the fast reader cannot vouch for is read the located way, which says what is wrong', async () => {
    expect(await refused('{"openapi": "3.1.0", "info": {}, "info": {}}')).toMatch(/^1:\d+ duplicate key/);
    expect(await refused('openapi: 3.1.0\ninfo: {\n')).toMatch(/^\d+:\d+ /);
    const bomb = ['l0: &l0 [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(', ')}]`)].join('\n');
    expect(await refused(bomb)).toMatch(/billion laughs/);
    expect(await refused(`${'['.repeat(150)}${']'.repeat(150)}`)).toMatch(/nested more than 100 levels/);
    expect(await refused('openapi: 3.1.0\n---\nopenapi: 3.0.0\n')).toMatch(/a second YAML document/);
  });

  test('an alias that does not multiply is read as the located way reads it', async () => {
    const text = 'openapi: 3.1.0\nx: &x {type: string}\ny: *x\n';
    expect((await parseContractText('c.yaml', text)).data).toEqual(parseLocatedYaml('c.yaml', text).data);
  });
});
