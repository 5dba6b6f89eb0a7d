import { svg, width } from './html-charts.ts';
import { latencyClockNote, slaText } from './markdown-latency.ts';
import { ms, PERCENTILES } from './latency.ts';
import type { LatencyReport, LatencyRow } from './model.ts';
import { esc } from './text.ts';

const ROW = 44;
const COL = 26;
const BAR_H = 30;

/**
 * Latency per operation: how the answered exchanges spread over the buckets (one column each, as high as its
 * share of the operation's exchanges), then p50 / p95 / p99 and the SLA, a breach in the alarm colour. Inline
 * SVG like the other charts; every figure is also written out, so it reads without the bars.
 */
export function latencyChart(l: LatencyReport): string {
  const labelW = width(l.rows.map((r) => r.operation)) + 12;
  const histW = COL * (l.bucketsMs.length + 1);
  const textX = labelW + histW + 12;
  const body = l.rows.map((r, i) => rowSvg(r, labelW, ROW * i, textX));
  const axisY = ROW * l.rows.length + 14;
  // Each bound stands on the line between its bucket and the next: the last column is what was slower.
  const axis = l.bucketsMs.map((b, j) => `<text x="${labelW + COL * (j + 1)}" y="${axisY}" class="muted axis">${short(b)}</text>`);
  axis.push(`<text x="${labelW + histW + 4}" y="${axisY}" class="muted">ms</text>`);
  return svg(textX + 420, axisY + 8, 'Latency distribution per operation', [...body, ...axis].join(''));
}

/** The sentence under the chart: which clock, judged or not. */
export function latencyCaption(l: LatencyReport): string {
  return `Latency per operation over ${l.rows.reduce((n, r) => n + r.count, 0)} answered exchanges: ${esc(latencyClockNote(l))}`;
}

function rowSvg(r: LatencyRow, labelW: number, y: number, textX: number): string {
  const top = Math.max(1, ...r.histogram);
  const bars = r.histogram.map((n, j) => {
    const h = n === 0 ? 0 : Math.max(2, (BAR_H * n) / top);
    return `<rect x="${labelW + COL * j + 2}" y="${(y + 4 + BAR_H - h).toFixed(1)}" width="${COL - 4}" height="${h.toFixed(1)}" class="${r.breaches.length > 0 ? 's-failed' : 'lat-bar'}"><title>${n} exchange${n === 1 ? '' : 's'}</title></rect>`;
  });
  const base = `<line x1="${labelW}" x2="${labelW + COL * r.histogram.length}" y1="${y + 4 + BAR_H}" y2="${y + 4 + BAR_H}" class="lat-base"/>`;
  const over = new Set(r.breaches.map((b) => b.percentile));
  const figures = PERCENTILES.map((p) => `<tspan${over.has(p) ? ' class="alarm"' : ''}>${p} ${ms(r[p])}</tspan>`).join(' · ');
  const sla = r.sla ? `SLA ${esc(slaText(r))}${r.breaches.length > 0 ? ' · OVER' : ''}` : 'no SLA';
  return `<text x="0" y="${y + 22}" class="mono">${esc(r.operation)}</text>${bars.join('')}${base}<text x="${textX}" y="${y + 16}">${figures} <tspan class="muted">(n=${r.count}, max ${ms(r.max)})</tspan></text><text x="${textX}" y="${y + 32}"${r.breaches.length > 0 ? ' class="alarm"' : ' class="muted"'}>${sla}</text>`;
}

function short(msBound: number): string {
  return msBound < 1000 ? `${msBound}` : `${msBound / 1000}s`;
}
