import { checkKey } from './allure-links.ts';
import type { CheckLinks } from './allure-links.ts';
import { findings } from './findings.ts';
import type { Finding } from './findings.ts';
import type { CheckOutcome, Readiness } from './model.ts';
import { esc } from './text.ts';

const HEADINGS = { failed: 'Failed checks: the partner’s own answers', broken: 'Broken checks: railgate could not judge them', skipped: 'Skipped checks' } as const;

/**
 * The evidence behind the verdict: failed checks, then broken, then skipped, those sharing a reason told once,
 * each check linked to its test in the Allure report when this run generated one. Reasons arrive redacted.
 */
export function evidenceHtml(r: Readiness, links: CheckLinks | undefined): string {
  return (['failed', 'broken', 'skipped'] as const)
    .map((status) => {
      const found = findings(r.checks, [status]);
      if (found.length === 0) return '';
      const n = found.reduce((sum, f) => sum + f.checks.length, 0);
      return `<h3>${HEADINGS[status]} (${n})</h3>${found.map((f) => findingHtml(f, links)).join('')}`;
    })
    .join('');
}

function findingHtml(f: Finding, links: CheckLinks | undefined): string {
  const names = f.checks.map((c) => `<li>${checkLink(c, links)}</li>`).join('');
  const family = f.checks[0]?.family ?? '';
  return `<div class="finding ${f.status}"><p class="finding-head"><span class="tag">${f.status.toUpperCase()}</span> ${esc(family)} · ${f.checks.length} check${f.checks.length > 1 ? 's' : ''}</p><ul class="checks">${names}</ul><pre class="reason">${esc(f.reason)}</pre></div>`;
}

function checkLink(c: CheckOutcome, links: CheckLinks | undefined): string {
  const href = links?.get(checkKey(c));
  return href ? `<a href="${esc(href)}">${esc(c.name)}</a>` : esc(c.name);
}
