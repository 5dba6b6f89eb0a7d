import type { CheckContext } from '../checks/index.ts';

/**
 * Watches railgate's receiver during one check: deliveries it refused for a limit (a flood, an oversize
 * webhook) are not kept, so the check's report says how many there were instead (issue 12).
 */
export function watchReceiverOverflow(ctx: CheckContext): () => Promise<void> {
  const receiver = ctx.auth.webhooks?.receiver;
  if (!receiver) return async () => undefined;
  const before = receiver.overflow();
  return async () => {
    const now = receiver.overflow();
    const tooLarge = now.tooLarge - before.tooLarge;
    const overKept = now.overKept - before.overKept;
    if (tooLarge + overKept === 0) return;
    const parts = [tooLarge > 0 ? `${tooLarge} over the body cap (answered 413, not read)` : '', overKept > 0 ? `${overKept} past the deliveries kept a run (answered 429, not kept)` : ''].filter(Boolean);
    await ctx.report.attach("deliveries railgate's receiver refused", `during this check railgate's receiver refused ${tooLarge + overKept} deliveries: ${parts.join('; ')}`, 'text/plain');
  };
}
