import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { confirmProduction } from './confirm-production.ts';

function terminal(typed: string, tty = true): { input: PassThrough & { isTTY?: boolean }; output: PassThrough; shown: () => string } {
  const input = Object.assign(new PassThrough(), { isTTY: tty });
  const output = new PassThrough();
  let shown = '';
  output.on('data', (d: Buffer) => (shown += d.toString()));
  setImmediate(() => input.write(typed));
  return { input, output, shown: () => shown };
}

const PIXPAY = [{ id: 'pixpay', reason: "environment 'production' is marked production" }];

describe('confirmProduction', () => {
  it('goes on when the partner id is typed again', async () => {
    const t = terminal('pixpay\n');
    await expect(confirmProduction(PIXPAY, t)).resolves.toBeUndefined();
    expect(t.shown()).toMatch(/environment 'production' is marked production: destructive checks will move real money\. Type the partner id 'pixpay' to go on: /);
  });

  it('refuses anything else typed', async () => {
    await expect(confirmProduction(PIXPAY, terminal('yes\n'))).rejects.toThrow("typed 'yes', not 'pixpay': refusing to run against production");
  });

  it('refuses without a terminal, naming the partners', async () => {
    await expect(confirmProduction(PIXPAY, terminal('pixpay\n', false))).rejects.toThrow(/there is none: refusing \(pixpay\)/);
  });
});
