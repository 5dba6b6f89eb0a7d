import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FileSystemWriter } from 'allure-js-commons/sdk/reporter';
import { afterEach, describe, expect, it } from 'vitest';
import { ResultsWriter } from './allure-writer.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function written(make: (dir: string) => Parameters<typeof exercise>[0]): Promise<Record<string, string>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'railgate-allure-'));
  dirs.push(dir);
  exercise(make(dir));
  const files = (await readdir(dir)).sort();
  return Object.fromEntries(await Promise.all(files.map(async (f) => [f, await readFile(path.join(dir, f), 'utf8')] as const)));
}

function exercise(w: ResultsWriter | FileSystemWriter): void {
  w.writeResult({ uuid: 'r1', name: 'createPayout rejects a forgery', status: 'passed' } as never);
  w.writeGroup({ uuid: 'g1', children: ['r1'] } as never);
  w.writeAttachment('a1-attachment.json', Buffer.from('{"status":201}'));
  w.writeEnvironmentInfo({ partner: 'pixpay', seed: '20261121' });
  w.writeCategoriesDefinitions([{ name: 'Partner defects', matchedStatuses: ['failed'] }] as never);
}

describe('ResultsWriter', () => {
  it('writes the same files, byte for byte, as allure-js-commons own writer (without fsync)', async () => {
    const ours = await written((dir) => new ResultsWriter(dir));
    const theirs = await written((dir) => new FileSystemWriter({ resultsDir: dir }));
    expect(Object.keys(ours)).toEqual(['a1-attachment.json', 'categories.json', 'environment.properties', 'g1-container.json', 'r1-result.json']);
    expect(ours).toEqual(theirs);
  });
});
