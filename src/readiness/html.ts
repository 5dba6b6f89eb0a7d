import type { CheckLinks } from './allure-links.ts';
import { partnerAnchor, partnerHtml, verdictIcon } from './html-partner.ts';
import { signOffHtml } from './html-signoff.ts';
import { PAGE_STYLE } from './html-style.ts';
import type { Readiness } from './model.ts';
import { byConcern, clip, esc, percent, tally, verdictCounts } from './text.ts';

export interface PageMeta {
  railgateVersion: string;
  /** The Allure report generated from this run's results (paths relative to the page); absent, checks are not linked. */
  allure?: { index: string; links: CheckLinks };
}

/**
 * The readiness report a reviewer signs, as one self-contained page: inline CSS and SVG, no script, nothing
 * fetched, so it opens the same from a CI artifact, a mail attachment or paper. Blocking partners come first.
 */
export function readinessHtml(readiness: readonly Readiness[], meta: PageMeta): string {
  const sorted = byConcern(readiness);
  const title = `Readiness: ${verdictCounts(sorted)}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · railgate</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header class="page-head">
<p class="eyebrow">railgate · payment-partner launch readiness</p>
<h1>${esc(title)}</h1>
<p class="run">${runLine(sorted, meta)}</p>
${overviewHtml(sorted)}
</header>
<main>
${sorted.map((r) => partnerHtml(r, meta.allure?.links)).join('\n')}
</main>
${signOffHtml(sorted)}
</body>
</html>
`;
}

function runLine(readiness: readonly Readiness[], meta: PageMeta): string {
  const first = readiness[0];
  const parts = [`railgate ${esc(meta.railgateVersion)}`];
  if (first) parts.push(`environment <strong>${esc(first.environment)}</strong>`, `seed ${first.seed}`, `judged ${esc(first.generatedAt)}`);
  parts.push(meta.allure ? `<a href="${esc(meta.allure.index)}">Allure report</a> (each check named below links to its test)` : 'no Allure report for this run (<code>railgate run --html</code> builds it): checks are not linked');
  return parts.join(' · ');
}

/** One line per partner × rail, with the first reason it is not GO: the whole run on the first screen. */
function overviewHtml(readiness: readonly Readiness[]): string {
  const rows = readiness.flatMap((r) => {
    const t = tally(r.checks);
    const ops = r.operations ? `${percent(r.operations.coverage)} <span class="muted">(${percent(r.operations.min)} required)</span>` : '—';
    const whyOf = (reasons: readonly string[]): string => (reasons[0] === undefined ? '' : `${esc(clip(reasons[0], 150))}${reasons.length > 1 ? ` <span class="muted">(+${reasons.length - 1} more)</span>` : ''}`);
    // A partner serving several rails has a verdict per rail: a rail may launch while another waits.
    return r.rails.map((rail) => {
      const own = r.byRail?.find((b) => b.rail === rail) ?? { verdict: r.verdict, reasons: r.reasons };
      return `<tr class="v-${own.verdict.toLowerCase()}"><td class="verdict-cell">${verdictIcon(own.verdict)} <strong>${own.verdict}</strong></td><td><a href="#${esc(partnerAnchor(r))}">${esc(r.partner)}</a></td><td class="rail">${esc(rail)}</td><td class="num">${t.passed}</td><td class="num">${t.failed}</td><td class="num">${t.broken}</td><td class="num">${t.skipped}</td><td>${ops}</td><td class="why">${whyOf(own.reasons)}</td></tr>`;
    });
  });
  return `<table class="overview"><thead><tr><th>verdict</th><th>partner</th><th>rail</th><th>passed</th><th>failed</th><th>broken</th><th>skipped</th><th>operations called</th><th>why not GO</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
