import { loadPartners } from '../partner/index.ts';
import { DEFECTS, startSimulator } from '../simulator/index.ts';
import { QUIRKS, plantedLabel } from '../simulator/defects.ts';
import { createClock } from '../clock/index.ts';
import { UsageError, defectsOption, intOption, parse, scaleOption, seedOption, urlOption } from './args.ts';
import type { Output } from './output.ts';

export async function cmdSimulate(args: string[], out: Output, stop: Promise<void>): Promise<number> {
  const v = parse(args, {
    partner: { type: 'string' },
    port: { type: 'string' },
    defect: { type: 'string', multiple: true },
    seed: { type: 'string' },
    'time-scale': { type: 'string' },
    'webhook-url': { type: 'string' },
  });
  if (v.help) {
    out.help('simulate');
    out.info(`\nDefects:\n${DEFECTS.map((d) => `  ${d.name.padEnd(26)} (${d.family}) ${d.description}`).join('\n')}`);
    out.info(`\nQuirks (legitimate partner behaviours, not defects: the family named must still pass):\n${QUIRKS.map((q) => `  ${q.name.padEnd(26)} (${q.family}) ${q.description}`).join('\n')}`);
    return 0;
  }
  if (!v.partner) throw new UsageError('--partner is required');
  // Every option is checked before the partner is loaded: a mistyped one costs nothing.
  const defects = defectsOption(v.defect);
  const seed = seedOption(v.seed);
  // The partner's own pace by default: processing time, state changes and redelivery waits as the profile says.
  // Whatever the pace, it stamps and checks timestamps on the wall clock, as a partner does: a connector or a
  // sandbox run signing at real time is never refused for the scale.
  const scale = scaleOption(v['time-scale']) ?? 1;
  const webhookUrl = urlOption(v['webhook-url'], 'webhook-url');
  const port = intOption(v.port, 'port', 1, 65535);
  const [partner] = await loadPartners(process.cwd(), v.partner as string);
  let sim;
  try {
    sim = await startSimulator({ partner: partner!, defects, seed, clock: createClock({ scale }), stamps: 'wall', port, ...(webhookUrl ? { webhookUrl } : {}) });
  } catch (e) {
    throw new UsageError(`cannot listen: ${(e as Error).message}`);
  }
  out.info(`simulating ${partner!.id} (${partner!.contract.title} ${partner!.contract.version}) at ${sim.baseUrl} · seed ${seed} · time scale ${scale} · timestamps and signatures follow the wall clock${defects.length ? ` · ${plantedLabel(defects)}` : ''}`);
  const hooks = partner!.profile.webhooks;
  const registration = hooks?.registration;
  if (registration) out.info(`webhooks: signed events go to the URLs registered with ${registration.operation} (none before)${webhookUrl ? '; --webhook-url is not used' : ''}`);
  else if (hooks) out.info(webhookUrl ? `webhooks: signed events go to ${webhookUrl}` : 'webhooks: none are sent (give --webhook-url, the URL configured in the partner\'s dashboard)');
  out.info('press Ctrl-C to stop');
  await stop;
  await sim.close();
  return 0;
}
