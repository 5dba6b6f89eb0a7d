import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadProfile } from '../profile/index.ts';
import { InputError, formatInputProblem } from '../source/index.ts';
import { tempDir } from '../../test/helpers/workspace.ts';
import { resolveIdempotency } from './resolve.ts';

// The profile's idempotency section through the real loader: JSON Schema, located errors, typed result.
const PROFILE = `id: acme
name: Acme Pay
contract: ../contracts/acme.yaml
rails: [BR-PIX]
environments:
  simulator: {}
idempotency:
  header: Idempotency-Key
  operations: [createPayout]
`;

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  tmp = await tempDir();
});
afterEach(() => tmp.dispose());

async function load(extra: string): Promise<{ problems: string[]; profile?: Awaited<ReturnType<typeof loadProfile>>['profile'] }> {
  const file = path.join(tmp.dir, 'acme.yaml');
  await writeFile(file, PROFILE + extra);
  try {
    return { problems: [], profile: (await loadProfile(file)).profile };
  } catch (e) {
    if (e instanceof InputError) return { problems: e.problems.map((p) => formatInputProblem(p).replace(tmp.dir + '/', '')) };
    throw e;
  }
}

describe('the idempotency section of a profile', () => {
  it('accepts every documented answer, the key format, window and concurrency', async () => {
    const { problems, profile } = await load(`  key: { format: alnum, length: 24, pattern: '^[A-Za-z0-9]+$' }
  window: 12h
  concurrency: 5
  dedupeOnBody: false
  answers:
    missingKey: accepted
    mismatch: { status: 422, code: idempotency_key_mismatch }
    inFlight: replay
    replay: { header: Idempotent-Replayed }
`);
    expect(problems).toEqual([]);
    expect(resolveIdempotency(profile!)).toMatchObject({ windowMs: 43_200_000, concurrency: 5, missingKey: 'accepted', inFlight: 'replay', mismatch: { status: 422, code: 'idempotency_key_mismatch' } });
  });

  it('locates a documented answer that is not an error status', async () => {
    const { problems } = await load('  answers:\n    mismatch: { status: 200 }\n');
    expect(problems).toEqual(['acme.yaml:11:25  idempotency.answers.mismatch.status: must be >= 400']);
  });

  it('locates an unknown key in the answers, with a did-you-mean hint', async () => {
    const { problems } = await load('  answers:\n    inflight: replay\n');
    expect(problems).toEqual(["acme.yaml:11:5  idempotency.answers.inflight: unknown key (did you mean 'inFlight'?)"]);
  });
});
