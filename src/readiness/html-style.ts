/**
 * The page's only style sheet, inline. System fonts only (a web font would be a request). Verdicts are told by
 * word and icon as well as colour; print keeps the colours and starts the sign-off on its own page.
 */
export const PAGE_STYLE = `
:root { --go: #1b5e20; --go-bg: #e8f5e9; --nogo: #b71c1c; --nogo-bg: #ffebee; --inc: #8a4b00; --inc-bg: #fff3e0; --muted: #5f6368; --line: #d0d4da; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1180px; padding: 16px 24px 48px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Arial, sans-serif; color: #1f2328; background: #fff; }
h1 { font-size: 24px; margin: 2px 0 4px; }
h2 { font-size: 20px; margin: 24px 0 8px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
code, pre, .mono { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px; }
a { color: #0b57d0; }
.eyebrow { margin: 0; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; font-size: 12px; }
.run { margin: 0 0 10px; color: var(--muted); }
.muted { color: var(--muted); fill: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--line); }
thead th { font-size: 12px; color: var(--muted); font-weight: 600; border-bottom: 2px solid var(--line); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.overview td.why { font-size: 13px; }
.verdict-cell, .rail { white-space: nowrap; }
.icon { vertical-align: middle; fill: none; stroke-width: 2.4; stroke-linecap: round; }
.icon circle { fill: currentColor; stroke: none; }
.icon path { stroke: #fff; }
.v-go { color: var(--go); } .v-no-go { color: var(--nogo); } .v-inconclusive { color: var(--inc); }
.overview tr td:not(:first-child) { color: #1f2328; }
.partner { margin: 28px 0; padding-top: 4px; border-top: 3px solid var(--line); }
.banner { display: flex; align-items: center; gap: 12px; padding: 12px 16px; border-radius: 6px; border-left: 10px solid currentColor; }
.banner .icon { width: 32px; height: 32px; }
.banner .verdict { font-size: 26px; font-weight: 800; letter-spacing: .02em; }
.banner .who { font-size: 17px; color: #1f2328; }
.banner.v-go { background: var(--go-bg); } .banner.v-no-go { background: var(--nogo-bg); } .banner.v-inconclusive { background: var(--inc-bg); }
.meaning { margin: 8px 0; }
.partial { padding: 6px 10px; background: var(--inc-bg); border-left: 4px solid var(--inc); }
.reasons li { margin: 3px 0; overflow-wrap: anywhere; }
.tag { display: inline-block; min-width: 4.5em; padding: 0 6px; border: 1px solid currentColor; border-radius: 3px; font-size: 11px; font-weight: 700; text-align: center; white-space: nowrap; }
.criteria th[scope=row] { font-weight: 600; width: 30%; }
.c-failed .tag, .finding.failed .tag { color: var(--nogo); background: var(--nogo-bg); }
.c-broken .tag, .finding.broken .tag, .c-unexercised .tag { color: var(--inc); background: var(--inc-bg); }
.c-met .tag { color: var(--go); background: var(--go-bg); }
.c-excluded .tag, .c-info .tag, .finding.skipped .tag { color: var(--muted); }
.finding { margin: 8px 0; padding: 6px 10px; border-left: 4px solid var(--line); background: #f6f8fa; }
.finding.failed { border-left-color: var(--nogo); } .finding.broken { border-left-color: var(--inc); }
.finding-head { margin: 0 0 4px; font-weight: 600; }
.checks { margin: 0 0 4px; padding-left: 18px; columns: 2 320px; font-size: 13px; }
.reason { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.charts { display: flex; flex-wrap: wrap; gap: 12px 28px; margin-top: 16px; }
figure { margin: 0; max-width: 100%; }
figcaption { font-weight: 600; margin-bottom: 4px; }
.chart { max-width: 100%; height: auto; font-size: 12px; }
.chart text { fill: #1f2328; }
.chart text.muted { fill: var(--muted); } .chart text.alarm { fill: var(--nogo); font-weight: 700; }
.s-passed { fill: #2e7d32; } .s-failed { fill: #c62828; } .s-broken { fill: #ef8f00; } .s-skipped { fill: #b0b6bd; }
.empty { fill: none; stroke: var(--line); stroke-dasharray: 4 3; }
.cell-hit { fill: #c8e6c9; stroke: #2e7d32; } .cell-none { fill: none; stroke: var(--line); } .cell-unmapped { fill: #ffcdd2; stroke: #c62828; }
.chart text.cell-mark { text-anchor: middle; font-weight: 700; }
.lat-bar { fill: #5c7cfa; } .lat-base { stroke: var(--line); } .chart text.axis { text-anchor: middle; font-size: 10px; }
.chart tspan.alarm { fill: var(--nogo); font-weight: 700; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 16px 0 0; font-size: 13px; }
.meta dt { color: var(--muted); } .meta dd { margin: 0; overflow-wrap: anywhere; }
.signoff { margin-top: 36px; padding: 16px 20px; border: 2px solid #1f2328; border-radius: 6px; }
.attest { list-style: none; padding-left: 0; } .attest li { margin: 4px 0; }
.box { white-space: nowrap; }
.sign-lines { display: grid; grid-template-columns: 1fr 1fr; gap: 28px 40px; margin: 28px 0 24px; }
.sign-line { border-bottom: 1px solid #1f2328; height: 40px; position: relative; }
.sign-line span { position: absolute; bottom: -18px; left: 0; font-size: 12px; color: var(--muted); }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  .partner + .partner { break-before: page; }
  .finding, .criteria tr, figure { break-inside: avoid; }
  .signoff { break-before: page; break-inside: avoid; }
}
@page { margin: 14mm; }
`;
