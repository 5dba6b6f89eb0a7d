import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError, formatInputProblem } from '../source/index.ts';
import { tempDir } from '../../test/helpers/workspace.ts';
import { loadScenarios } from './load-scenarios.ts';

const OPS = new Set(['createPayout', 'getPayout', 'listPayouts']);
let tmp: Awaited<ReturnType<typeof tempDir>>;
let dir: string;
beforeEach(async () => {
  tmp = await tempDir();
  dir = path.join(tmp.dir, 'suites', 'acme');
  await mkdir(dir, { recursive: true });
});
afterEach(() => tmp.dispose());

async function problemsOf(files: Record<string, string>): Promise<string[]> {
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  try {
    await loadScenarios(dir, { operationIds: OPS });
  } catch (e) {
    if (e instanceof InputError) return e.problems.map((p) => formatInputProblem(p).replace(dir + '/', ''));
    throw e;
  }
  return [];
}

const HAPPY = `name: payout-happy
rail: BR-PIX
steps:
  - call: createPayout
    as: create
    expect: { status: 201 }
  - call: getPayout
    params: { payoutId: '\${create.body.id}' }
`;

describe('loadScenarios', () => {
  it('loads scenarios with defaults filled and every step located', async () => {
    await writeFile(path.join(dir, 'a.yaml'), HAPPY);
    const [s] = await loadScenarios(dir, { operationIds: OPS });
    expect(s).toMatchObject({ name: 'payout-happy', family: 'scenarios', severity: 'normal', tags: [] });
    expect(s!.steps.map((st) => [st.call, st.loc.line, st.loc.col])).toEqual([
      ['createPayout', 4, 5],
      ['getPayout', 7, 5],
    ]);
  });

  it('reports an operation the contract lacks, at the call, with a hint', async () => {
    expect(await problemsOf({ 'a.yaml': HAPPY.replace('call: getPayout', 'call: getPayuot') })).toEqual([
      "a.yaml:7:11  steps[1].call: operation 'getPayuot' is not in the contract (did you mean 'getPayout'?)",
    ]);
  });

  it('reports a wrong type inside an expectation', async () => {
    expect(await problemsOf({ 'a.yaml': HAPPY.replace('status: 201', "status: 'created'") })).toEqual(['a.yaml:6:23  steps[0].expect.status: must be a status code, or a list of allowed status codes']);
  });

  it('reports an unknown step key at the key', async () => {
    expect(await problemsOf({ 'a.yaml': HAPPY.replace('    as: create', '    ass: create') })).toEqual(["a.yaml:5:5  steps[0].ass: unknown key (did you mean 'as'?)"]);
  });

  it('reports a name used by two scenarios', async () => {
    expect(await problemsOf({ 'a.yaml': HAPPY, 'b.yaml': HAPPY })).toEqual([`b.yaml:1:7  name: scenario name 'payout-happy' is already used by ${path.join(dir, 'a.yaml')}`]);
  });

  it('reports problems of every file at once', async () => {
    const problems = await problemsOf({ 'a.yaml': HAPPY.replace('rail: BR-PIX', 'rail: pix'), 'b.yaml': 'name: x\nsteps: []\n' });
    expect(problems).toEqual(['a.yaml:2:7  rail: must match pattern "^[A-Z]{2}-[A-Z0-9-]+$"', "b.yaml:1:1  missing required key 'rail'", 'b.yaml:2:8  steps: must NOT have fewer than 1 items']);
  });

  it('gives no scenarios for a partner without a suite folder', async () => {
    expect(await loadScenarios(path.join(tmp.dir, 'suites', 'none'), { operationIds: OPS })).toEqual([]);
  });
});

describe('loadScenarios: step actions', () => {
  it('asks for exactly one action per step', async () => {
    const problems = await problemsOf({ 'a.yaml': 'name: x\nrail: BR-PIX\nsteps:\n  - as: nothing\n  - call: getPayout\n    sleep: 1s\n' });
    expect(problems).toEqual(['a.yaml:4:5  steps[0]: a step needs one of: call, replay, poll, sleep, fault, await-webhook', 'a.yaml:5:5  steps[1]: a step does one thing: found call and sleep']);
  });

  it('checks that a replay names an earlier step and a poll says when to stop', async () => {
    const problems = await problemsOf({ 'a.yaml': 'name: x\nrail: BR-PIX\nsteps:\n  - replay: first\n  - call: createPayout\n    as: first\n  - poll: getPayout\n' });
    expect(problems).toEqual(["a.yaml:4:13  steps[0].replay: no earlier step is named 'first'", "a.yaml:7:5  steps[2]: a poll needs 'until': the state that ends it"]);
  });

  it('checks the operation a fault targets', async () => {
    expect(await problemsOf({ 'a.yaml': 'name: x\nrail: BR-PIX\nsteps:\n  - fault: { kind: hang, operation: createPayuot }\n' })).toEqual([
      "a.yaml:4:37  steps[0].fault.operation: operation 'createPayuot' is not in the contract (did you mean 'createPayout'?)",
    ]);
  });
});
