import { describe, expect, test } from 'vitest';
import { originForm, parseTarget, pathnameOf } from './paths.ts';

describe('parseTarget', () => {
  test.each([
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010', ''],
    ['https://sandbox.example.test/api/v2/', 'https://sandbox.example.test', '/api/v2'],
    ['http://localhost:80/v1', 'http://localhost', '/v1'],
  ])('%s → origin %s, base path %j', (target, origin, basePath) => {
    expect(parseTarget(target)).toEqual({ origin, basePath });
  });

  test('names what is wrong with a bad target', () => {
    expect(() => parseTarget('sandbox.example.test')).toThrow(/absolute http\(s\) URL, got "sandbox.example.test"/);
    expect(() => parseTarget('ws://x')).toThrow(/http: or https:, got ws:/);
  });
});

test('originForm keeps origin-form and reduces absolute-form to path and query', () => {
  expect(originForm('/a?b=1')).toBe('/a?b=1');
  expect(originForm('http://partner.test:81/a/b?c=%20')).toBe('/a/b?c=%20');
});

test('pathnameOf drops the query', () => {
  expect(pathnameOf('/a/b?c=1')).toBe('/a/b');
  expect(pathnameOf('/a')).toBe('/a');
});
