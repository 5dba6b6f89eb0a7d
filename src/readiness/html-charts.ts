import type { ErrorCoverage } from '../errors/index.ts';
import type { CheckStatus, OperationCoverage, OperationRow, Readiness } from './model.ts';
import { clip, esc, tally } from './text.ts';
import type { Tally } from './text.ts';

// Inline SVG, drawn here: no chart library, no script, nothing fetched. Colours come from the page's CSS
// classes (s-passed …); every bar also carries its counts as text, so a chart reads in black and white too.
const ROW = 24;
const BAR = 14;
const CHAR = 7.4; // a 12 px character is at most this wide on average (monospace: 7.2), to size label columns
const STATUSES: CheckStatus[] = ['passed', 'failed', 'broken', 'skipped'];

/** Checks per family, passed / failed / broken / skipped as one stacked bar each. */
export function familiesChart(r: Readiness): string {
  const rows = Object.entries(r.families).map(([family, f]) => ({ label: family, t: { passed: f.passed, failed: f.failed.length, broken: f.broken.length, skipped: f.skipped.length } }));
  const excluded = Object.entries(r.excluded ?? {}).map(([family]) => family);
  const labelW = width([...rows.map((x) => x.label), ...excluded]) + 12;
  const barW = 300;
  const body = rows.map((x, i) => `<text x="0" y="${ROW * i + 16}">${esc(x.label)}</text>${stackedBar(labelW, ROW * i + 5, barW, x.t)}<text x="${labelW + barW + 10}" y="${ROW * i + 16}">${counts(x.t)}</text>`);
  body.push(...excluded.map((family, i) => `<text x="0" y="${ROW * (rows.length + i) + 16}">${esc(family)}</text><text x="${labelW}" y="${ROW * (rows.length + i) + 16}" class="muted">excluded by the profile</text>`));
  const height = ROW * (rows.length + excluded.length) + ROW;
  return svg(labelW + barW + 250, height, `Checks per family for ${r.partner}`, [...body, legend(0, height - 8)].join(''));
}

/** Every operation of the contract: the checks that called it by status, or why none had to. */
export function operationsChart(c: OperationCoverage): string {
  const labels = c.rows.map((r) => clip(`${r.method} ${r.path}`, 44));
  const labelW = width(labels) + 12;
  const barW = 200;
  const body = c.rows.map((r, i) => {
    const y = ROW * i;
    const bar = r.checks.length > 0 ? stackedBar(labelW, y + 5, barW, tally(r.checks)) : `<rect x="${labelW}" y="${y + 5}" width="${barW}" height="${BAR}" class="empty"/>`;
    return `<text x="0" y="${y + 16}" class="mono">${esc(labels[i]!)}</text>${bar}<text x="${labelW + barW + 10}" y="${y + 16}"${r.required && r.checks.length === 0 ? ' class="alarm"' : ''}>${esc(operationNote(r))}</text>`;
  });
  const height = ROW * c.rows.length + ROW;
  return svg(labelW + barW + 420, height, 'Checks per operation of the contract', [...body, legend(0, height - 8)].join(''));
}

function operationNote(r: OperationRow): string {
  const who = `${r.operation}: `;
  if (r.excluded !== undefined) return `${who}excluded: ${clip(r.excluded, 48)}`;
  if (r.checks.length === 0) return `${who}${r.required ? (r.received ? 'NEVER DELIVERED' : 'NEVER CALLED') : 'not used by the integration'}`;
  return `${who}${r.checks.length} check${r.checks.length > 1 ? 's' : ''}${r.required ? '' : ' (not used by the integration)'}`;
}

/** Partner code × HTTP status: which documented codes the run provoked, with which status, and what came back unmapped. */
export function errorMatrixChart(e: ErrorCoverage): string {
  const statuses = [...new Set([...e.matrix.flatMap((m) => (m.status === undefined ? [] : [m.status])), ...e.unmapped.map((u) => u.status)])].sort((a, b) => a - b);
  const mapped = [...new Map(e.matrix.map((m) => [m.code, m])).values()];
  const unmapped = [...new Set(e.unmapped.map((u) => u.code ?? '(no code)'))];
  const labelW = width([...mapped.map((m) => m.code), ...unmapped]) + 12;
  const cell = 36;
  const top = ROW;
  const header = statuses.map((s, j) => `<text x="${labelW + cell * j + 6}" y="16" class="muted">${s}</text>`).join('');
  const noteX = labelW + cell * statuses.length + 8;
  const rows = mapped.map((m, i) => {
    const seen = new Set(e.matrix.filter((x) => x.code === m.code && x.exercised).map((x) => x.status));
    const cells = statuses.map((s, j) => matrixCell(labelW + cell * j, top + ROW * i, seen.has(s) ? 'hit' : 'none'));
    const note = seen.size > 0 ? `→ ${m.canonical}` : `→ ${m.canonical} · never provoked`;
    return `<text x="0" y="${top + ROW * i + 16}" class="mono">${esc(m.code)}</text>${cells.join('')}<text x="${noteX}" y="${top + ROW * i + 16}"${seen.size > 0 ? '' : ' class="muted"'}>${esc(note)}</text>`;
  });
  const extra = unmapped.map((code, k) => {
    const i = mapped.length + k;
    const seen = new Set(e.unmapped.filter((u) => (u.code ?? '(no code)') === code).map((u) => u.status));
    const cells = statuses.map((s, j) => matrixCell(labelW + cell * j, top + ROW * i, seen.has(s) ? 'unmapped' : 'none'));
    return `<text x="0" y="${top + ROW * i + 16}" class="mono alarm">${esc(code)}</text>${cells.join('')}<text x="${noteX}" y="${top + ROW * i + 16}" class="alarm">UNMAPPED: seen, nothing maps it</text>`;
  });
  return svg(noteX + 260, top + ROW * (mapped.length + unmapped.length) + 4, 'Error codes by HTTP status: provoked, never provoked, unmapped', header + [...rows, ...extra].join(''));
}

function matrixCell(x: number, y: number, kind: 'hit' | 'none' | 'unmapped'): string {
  const mark = kind === 'hit' ? '✓' : kind === 'unmapped' ? '!' : '';
  return `<rect x="${x}" y="${y + 3}" width="30" height="18" rx="3" class="cell-${kind}"/>${mark ? `<text x="${x + 15}" y="${y + 16}" class="cell-mark">${mark}</text>` : ''}`;
}

function stackedBar(x: number, y: number, w: number, t: Tally): string {
  const total = STATUSES.reduce((n, s) => n + t[s], 0);
  if (total === 0) return `<rect x="${x}" y="${y}" width="${w}" height="${BAR}" class="empty"/>`;
  let at = x;
  return STATUSES.filter((s) => t[s] > 0)
    .map((s) => {
      const segment = (w * t[s]) / total;
      const rect = `<rect x="${at.toFixed(1)}" y="${y}" width="${segment.toFixed(1)}" height="${BAR}" class="s-${s}"><title>${t[s]} ${s}</title></rect>`;
      at += segment;
      return rect;
    })
    .join('');
}

function counts(t: Tally): string {
  return STATUSES.filter((s) => t[s] > 0 || s === 'passed')
    .map((s) => `${t[s]} ${s}`)
    .join(' · ');
}

function legend(x: number, y: number): string {
  return STATUSES.map((s, i) => `<rect x="${x + i * 80}" y="${y - 10}" width="10" height="10" class="s-${s}"/><text x="${x + i * 80 + 14}" y="${y}" class="muted">${s}</text>`).join('');
}

export function width(labels: readonly string[]): number {
  return Math.ceil(Math.max(60, ...labels.map((l) => l.length * CHAR)));
}

export function svg(w: number, h: number, title: string, body: string): string {
  return `<svg class="chart" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title>${body}</svg>`;
}
