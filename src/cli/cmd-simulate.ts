import { credentialProblems } from '../credentials/index.ts';
import { loadPartners } from '../partner/index.ts';
import { InputError } from '../source/index.ts';
import { DEFECTS, startSimulator } from '../simulator/index.ts';
import { QUIRKS, plantedLabel } from '../simulator/defects.ts';
import { createClock } from '../clock/index.ts';
import { UsageError, defectsOption, intOption, parse, scaleOption, seedOption, urlOption } from './args.ts';
import type { Output } from './output.ts';
import type { Partner } from '../partner/index.ts';

async function contractPartner(file: string): Promise<Partner> {
  const { idFromFile, loadOnboardingContract, partnerFromContract } = await import('../onboard/index.ts');
  return (await partnerFromContract(file, await loadOnboardingContract(file), { id: idFromFile(file) })).partner;
}

export async function cmdSimulate(args: string[], out: Output, stop: Promise<void>): Promise<number> {
  const v = parse(args, {
    partner: { type: 'string' },
    contract: { type: 'string' },
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
  if (!v.partner && !v.contract) throw new UsageError('--partner ID or --contract FILE is required');
  if (v.partner && v.contract) throw new UsageError('give --partner or --contract, not both');
  // Every option is checked before the partner is loaded: a mistyped one costs nothing.
  const defects = defectsOption(v.defect);
  const seed = seedOption(v.seed);
  // The partner's own pace by default: processing time, state changes and redelivery waits as the profile says.
  // Whatever the pace, it stamps and checks timestamps on the wall clock, as a partner does: a connector or a
  // sandbox run signing at real time is never refused for the scale.
  const scale = scaleOption(v['time-scale']) ?? 1;
  const webhookUrl = urlOption(v['webhook-url'], 'webhook-url');
  const port = intOption(v.port, 'port', 1, 65535);
  // With --contract, the profile `railgate init` would write, inferred in memory: no profile, any folder.
  const [partner] = v.contract ? [await contractPartner(String(v.contract))] : await loadPartners(process.cwd(), v.partner as string);
  // A test credential missing or of the wrong kind (a public key where the simulator must sign) is the profile's, located.
  const problems = v.contract ? [] : credentialProblems(partner!.profile, partner!.profileDoc, 'simulator', {});
  if (problems.length > 0) throw new InputError(problems);
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
  const credentials = v.contract ? Object.entries(partner!.profile.environments.simulator?.testCredentials ?? {}) : [];
  // Test values the simulator alone accepts, printed so a connector under development can use them.
  for (const [name, value] of credentials) out.info(`test credential ${name}=${value}`);
  if (v.contract && credentials.length === 0) out.info('auth: none (the contract declares no security railgate can infer)');
  out.info('press Ctrl-C to stop');
  await stop;
  await sim.close();
  return 0;
}
