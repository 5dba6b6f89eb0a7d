import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { curlLine, exactPattern, shellText } from './repro.ts';

const shell = (word: string): string => execFileSync('sh', ['-c', `printf '%s' ${word}`], { encoding: 'utf8', maxBuffer: 4 << 20 });

describe('reproduction lines', () => {
  it('writes a body a POSIX shell gives back byte for byte, a long run made by a command, not spelt out', () => {
    const body = `{"reference":"${'a'.repeat(1 << 20)}","note":"it's \\\\ fine","dashes":"${'-'.repeat(300)}"}`;
    const word = shellText(body);
    expect(word.length).toBeLessThan(300);
    expect(word).toContain(`"$(head -c 1048576 /dev/zero | tr '\\0' 'a')"`);
    expect(shell(word)).toBe(body);
    expect(shell(shellText(`it's "quoted" ${'\\'.repeat(400)}`))).toBe(`it's "quoted" ${'\\'.repeat(400)}`);
  });

  it('shows credentials and signatures as variables, never their values', () => {
    const { command, variables } = curlLine(
      { method: 'POST', url: 'http://127.0.0.1:1/v2/payouts', headers: { 'x-api-key': 'pk_live_secret', 'x-request-id': 'abc', 'content-type': 'application/json', 'x-trace': 'token-pk_live_secret' }, body: '{"a":1}' },
      (t) => t.replaceAll('pk_live_secret', '[redacted]'),
    );
    expect(command).not.toContain('pk_live_secret');
    expect(variables).toEqual(['RAILGATE_X_API_KEY', 'RAILGATE_X_TRACE']);
    expect(command).toContain(`-H "x-api-key: $RAILGATE_X_API_KEY"`);
    expect(command).toContain(`-H 'x-request-id: abc'`);
    expect(command).toContain(`--data-raw '{"a":1}'`);
    // A body the redaction changed is not the bytes sent: the caller says so beside the command.
    expect(curlLine({ method: 'POST', url: 'http://127.0.0.1:1/p', headers: {}, body: '{"pan":"4242424242424242"}' }, (t) => t.replace(/\d{12}(\d{4})/, '************$1')).masked).toBe(true);
    expect(curlLine({ method: 'POST', url: 'http://127.0.0.1:1/p', headers: {}, body: '{"a":1}' }, (t) => t).masked).toBe(false);
  });

  it('turns a check name into a pattern that matches it alone', () => {
    const name = "createPayout: body /amount 100000001, over its maximum (100000000) is refused";
    const re = new RegExp(exactPattern('pixpay', name));
    expect(re.test(`pixpay conformance ${name}`)).toBe(true);
    expect(re.test(`pixpay conformance ${name} twice`)).toBe(false);
    // A name that ends another is not that other one: `/payouts: …` ends `/v2/payouts: …`.
    const methods = '/payouts: PUT, TRACE (not documented) are answered 405';
    expect(new RegExp(exactPattern('pixpay', methods)).test(`pixpay conformance /v2${methods}`)).toBe(false);
    expect(new RegExp(exactPattern('pixpay', methods)).test(`lionbank conformance ${methods}`)).toBe(false);
  });
});
