/** The page's only stylesheet, inlined: system fonts, readable widths, print rules. */
export const PAGE_CSS = `
:root { color-scheme: light; --ink: #1d1d1d; --muted: #5a5a5a; --rule: #d0d0d0; --accent: #0b3d63; --band: #f3f6f9; }
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: #fff; line-height: 1.5; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem 1.25rem 4rem; }
h1 { font-size: 1.8rem; line-height: 1.2; margin: 0 0 .5rem; }
h2 { font-size: 1.35rem; margin: 2.5rem 0 .75rem; padding-top: .5rem; border-top: 2px solid var(--accent); }
h3 { font-size: 1.1rem; margin: 1.75rem 0 .5rem; }
p, li { max-width: 46rem; }
a { color: var(--accent); }
.meta { color: var(--muted); margin: 0 0 .25rem; }
.profile { border-left: 4px solid var(--accent); background: var(--band); padding: .6rem .9rem; margin: 1rem 0; max-width: 46rem; }
.profile.analyst { border-left-color: #9a3b00; background: #fbf1ea; }
nav.toc ol { columns: 2; padding-left: 1.2rem; margin: .25rem 0; }
ul.headlines { padding-left: 1.2rem; }
ul.headlines li { margin: .45rem 0; font-size: 1.05rem; }
p.lead { font-size: 1.08rem; font-weight: 600; }
p.warning { border-left: 4px solid #D55E00; padding: .2rem 0 .2rem .7rem; }
p.caveat { border-left: 4px solid #999; padding: .2rem 0 .2rem .7rem; font-style: italic; }
figure { margin: 1.5rem 0 2rem; padding: 0; break-inside: avoid; page-break-inside: avoid; }
.chart-frame { overflow-x: auto; }
svg.chart { display: block; max-width: 100%; height: auto; }
svg.chart text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
figcaption { color: var(--muted); font-size: .9rem; margin-top: .4rem; }
p.note { font-size: .92rem; color: var(--ink); margin: .35rem 0; }
.table-wrap { overflow-x: auto; margin: .6rem 0; }
table { min-width: min(100%, 26rem); border-collapse: collapse; font-size: .9rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: .2rem 0 .35rem; caption-side: top; }
th, td { padding: .22rem .6rem; border-bottom: 1px solid var(--rule); vertical-align: top; text-align: left; }
thead th { border-bottom: 2px solid #999; font-weight: 600; }
tbody th { font-weight: normal; white-space: pre-wrap; }
.num { text-align: right; }
tr.total th, tr.total td { font-weight: 600; border-top: 2px solid #999; }
table.description { font-size: .85rem; }
table.description td { white-space: nowrap; }
table.wide { font-size: .78rem; }
table.wide td { white-space: pre-line; padding: .2rem .45rem; }
table.wide th { white-space: nowrap; padding: .2rem .45rem; }
table.inputs td:last-child { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .78rem; word-break: break-all; }
dl.pairs { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.pairs dt { font-weight: 600; }
dl.pairs dd { margin: 0; word-break: break-word; }
.commentary p { max-width: 46rem; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--rule); padding-top: .5rem; }
@media print {
  @page { size: A4; margin: 15mm 14mm; }
  html { font-size: 10pt; }
  body { max-width: none; padding: 0; }
  nav.toc { display: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  figure, table, .table-wrap { break-inside: avoid; page-break-inside: avoid; }
  .chart-frame, .table-wrap { overflow: visible; }
  a { color: inherit; text-decoration: none; }
  .profile { border: 1px solid #000; background: none; }
}
`;
