import type { CheckLinks } from './allure-links.ts';
import { readinessCriteria } from './criteria.ts';
import type { CriterionOutcome } from './criteria.ts';
import { errorMatrixChart, familiesChart, operationsChart } from './html-charts.ts';
import { evidenceHtml } from './html-evidence.ts';
import { latencyCaption, latencyChart } from './html-latency.ts';
import type { Readiness, Verdict } from './model.ts';
import { clip, esc, percent } from './text.ts';

/** What each verdict means, in the words the README gives it: the banner must read without its colour. */
const MEANING: Record<Verdict, string> = {
  GO: 'Every criterion below is met: every family that applies passed, the operations the integration uses were called, nothing broke inside railgate.',
  'NO-GO': 'The partner is proven at fault: a check failed on its own answers, or something GO requires was not exercised.',
  INCONCLUSIVE: 'Nothing is proven against the partner, but railgate could not judge every check. This is not a GO: fix railgate (or its configuration) and run again.',
};
const REASON_CHARS = 320;
const OUTCOME_WORDS: Record<CriterionOutcome, string> = { failed: 'FAILED', broken: 'BROKEN', unexercised: 'NOT EXERCISED', met: 'MET', excluded: 'EXCLUDED', info: 'SHOWN' };

export function partnerAnchor(r: Readiness): string {
  return `partner-${r.partner.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** One partner: verdict banner, why, criteria, evidence, charts, run metadata. */
export function partnerHtml(r: Readiness, links: CheckLinks | undefined): string {
  return `<section class="partner" id="${esc(partnerAnchor(r))}">
${banner(r)}
<p class="meaning">${esc(MEANING[r.verdict])}</p>
${r.partial ? '<p class="partial"><strong>Partial run:</strong> filters selected part of the checks; this verdict speaks only for those.</p>' : ''}
${reasonsHtml(r)}
<h3>Criteria</h3>
${criteriaHtml(r)}
${evidenceHtml(r, links)}
${chartsHtml(r)}
${metadataHtml(r)}
</section>`;
}

export function verdictIcon(v: Verdict): string {
  const mark = v === 'GO' ? '<path d="M6 12.5l4 4 8-9" />' : v === 'NO-GO' ? '<path d="M7 7l10 10M17 7L7 17" />' : '<path d="M12 6v8M12 17.5v.5" />';
  return `<svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true"><circle cx="12" cy="12" r="11" />${mark}</svg>`;
}

function banner(r: Readiness): string {
  return `<div class="banner v-${r.verdict.toLowerCase()}" role="status">${verdictIcon(r.verdict)}<span class="verdict">${r.verdict}</span><span class="who">${esc(r.name)} <code>${esc(r.partner)}</code> · ${r.rails.map(esc).join(', ')}</span></div>`;
}

/** The judge's own words. A reason naming dozens of checks is cut short: the evidence below lists each one. */
function reasonsHtml(r: Readiness): string {
  if (r.reasons.length === 0) return '';
  const item = (reason: string): string => (reason.length > REASON_CHARS ? `${esc(clip(reason, REASON_CHARS))} <span class="muted">(every check is listed below)</span>` : esc(reason));
  return `<h3>Why ${r.verdict}</h3><ol class="reasons">${r.reasons.map((reason) => `<li>${item(reason)}</li>`).join('')}</ol>`;
}

function criteriaHtml(r: Readiness): string {
  const rows = readinessCriteria(r).map((c) => `<tr class="c-${c.outcome}"><td><span class="tag">${OUTCOME_WORDS[c.outcome]}</span></td><th scope="row">${esc(c.label)}</th><td>${esc(c.detail)}</td></tr>`);
  return `<table class="criteria"><thead><tr><th>result</th><th>criterion</th><th>evidence</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function chartsHtml(r: Readiness): string {
  const parts = [`<figure><figcaption>Checks per family</figcaption>${familiesChart(r)}</figure>`];
  if (r.operations) parts.push(`<figure><figcaption>Operation coverage: ${percent(r.operations.coverage)} of the operations the integration uses were called (${percent(r.operations.min)} required)</figcaption>${operationsChart(r.operations)}</figure>`);
  if (r.errors) parts.push(`<figure><figcaption>Error-code coverage: ${percent(r.errors.coverage)} of the mapped partner codes were provoked</figcaption>${errorMatrixChart(r.errors)}</figure>`);
  if (r.latency) parts.push(`<figure><figcaption>${latencyCaption(r.latency)}</figcaption>${latencyChart(r.latency)}</figure>`);
  return `<div class="charts">${parts.join('')}</div>`;
}

function metadataHtml(r: Readiness): string {
  const rows: [string, string][] = [
    ['contract', `${r.contract.title} ${r.contract.version}`],
    ['contract hash', r.contract.hash],
    ...(r.profile ? ([['profile', `${r.profile.file} ${r.profile.hash}`]] as [string, string][]) : []),
    ['environment', r.environment],
    ['seed', String(r.seed)],
    ['judged at', r.generatedAt],
  ];
  return `<dl class="meta">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
}
