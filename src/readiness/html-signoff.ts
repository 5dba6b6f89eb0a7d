import type { Readiness } from './model.ts';
import { esc } from './text.ts';

/**
 * What the reviewer attests to by signing, per partner the verdict signed for, and blank lines to sign on:
 * printed, this is the page that goes in the launch file.
 */
export function signOffHtml(readiness: readonly Readiness[]): string {
  const environments = [...new Set(readiness.map((r) => r.environment))];
  const attest = [
    'I read every partner’s verdict below and every criterion that decided it, the failed criteria and their evidence first.',
    'Every family or operation left out of GO is excluded with a written reason that I accept.',
    `The run was against the environment this decision needs (this run: ${environments.map(esc).join(', ')}${environments.includes('simulator') ? '; the simulator is railgate’s own, embedded: it proves the checks, not the partner’s API' : ''}).`,
    'The contract version and hash of each partner are those our integration was built against.',
    'I approve no partner whose verdict is NO-GO or INCONCLUSIVE.',
    ...(readiness.some((r) => r.partial) ? ['This was a partial run: its verdicts speak only for the checks it selected.'] : []),
  ];
  const rows = readiness.map((r) => `<tr><td><code>${esc(r.partner)}</code> ${esc(r.name)}</td><td>${r.rails.map(esc).join(', ')}</td><td><strong>${r.verdict}</strong></td><td>${esc(r.contract.version)} <code>${esc(r.contract.hash.slice(0, 19))}…</code></td><td class="box">${r.verdict === 'GO' ? '☐ approve&nbsp;&nbsp; ☐ reject' : 'blocked: fix, then run again'}</td></tr>`);
  const line = (label: string): string => `<div class="sign-line"><span>${label}</span></div>`;
  return `<section class="signoff" id="sign-off">
<h2>Sign-off</h2>
<p>By signing, the reviewer attests that:</p>
<ul class="attest">${attest.map((a) => `<li>☐ ${a}</li>`).join('')}</ul>
<table class="decisions"><thead><tr><th>partner</th><th>rail</th><th>verdict</th><th>contract</th><th>decision</th></tr></thead><tbody>${rows.join('')}</tbody></table>
<div class="sign-lines">${line('Name')}${line('Role')}${line('Date')}${line('Signature')}</div>
</section>`;
}
