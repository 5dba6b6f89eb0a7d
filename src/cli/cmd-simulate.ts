import { loadPartners } from '../partner/index.ts';
import { DEFAULT_SEED } from '../random/index.ts';
import { DEFECTS, defectNames, startSimulator, unknownDefects } from '../simulator/index.ts';
import { UsageError, intOption, parse } from './args.ts';
import type { Output } from './output.ts';

export async function cmdSimulate(args: string[], out: Output, stop: Promise<void>): Promise<number> {
  const v = parse(args, { partner: { type: 'string' }, port: { type: 'string' }, defect: { type: 'string', multiple: true }, seed: { type: 'string' } });
  if (v.help) {
    out.help('simulate');
    out.info(`\nDefects:\n${DEFECTS.map((d) => `  ${d.name.padEnd(26)} (${d.family}) ${d.description}`).join('\n')}`);
    return 0;
  }
  if (!v.partner) throw new UsageError('--partner is required');
  const defects = (v.defect as string[] | undefined) ?? [];
  const unknown = unknownDefects(defects);
  if (unknown.length > 0) throw new UsageError(`unknown defect '${unknown[0]}' (defects: ${defectNames().join(', ')})`);
  const [partner] = await loadPartners(process.cwd(), v.partner as string);
  const seed = intOption(v.seed, 'seed') ?? DEFAULT_SEED;
  let sim;
  try {
    sim = await startSimulator({ partner: partner!, defects, seed, port: intOption(v.port, 'port', 1) });
  } catch (e) {
    throw new UsageError(`cannot listen: ${(e as Error).message}`);
  }
  out.info(`simulating ${partner!.id} (${partner!.contract.title} ${partner!.contract.version}) at ${sim.baseUrl} · seed ${seed}${defects.length ? ` · defects: ${defects.join(', ')}` : ''}`);
  out.info('press Ctrl-C to stop');
  await stop;
  await sim.close();
  return 0;
}
