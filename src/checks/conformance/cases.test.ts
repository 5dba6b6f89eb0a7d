import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SchemaValidators, loadContract } from '../../contract/index.ts';
import type { Contract } from '../../contract/index.ts';
import { tempDir } from '../../../test/helpers/workspace.ts';
import { operationCases } from './cases.ts';

const CONTRACT = `openapi: 3.1.0
info: { title: Items, version: '1' }
paths:
  /items/{itemId}:
    get:
      operationId: getItem
      parameters:
        - { name: itemId, in: path, required: true, schema: { type: string, minLength: 1, maxLength: 10 } }
      responses:
        '200': { description: The item. }
        '404': { description: No such item. }
`;

describe('conformance cases', () => {
  let tmp: Awaited<ReturnType<typeof tempDir>>;
  let contract: Contract;
  beforeAll(async () => {
    tmp = await tempDir('railgate-cases-');
    const file = path.join(tmp.dir, 'items.yaml');
    await writeFile(file, CONTRACT);
    contract = await loadContract(file);
  });
  afterAll(() => tmp.dispose());

  it('never empties a path parameter: /items/ addresses another resource (or none), not an item with a short id', () => {
    const cases = operationCases(contract.bundled, new SchemaValidators(contract.bundled, '3.1'), contract.operations.get('getItem')!);
    const onPath = cases.filter((c) => c.where === "path parameter 'itemId'").map((c) => c.title);
    expect(onPath).toContain("path parameter 'itemId' 11 characters, over its maxLength 10");
    expect(onPath.some((t) => /under its minLength/.test(t))).toBe(false);
    expect(cases.every((c) => !(c.change.do === 'set' && c.change.part === 'path' && c.change.value === ''))).toBe(true);
  });
});
