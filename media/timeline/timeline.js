// The timeline webview's script (bundled by esbuild into dist/timeline.js with Observable Plot): draws the
// chart the extension posts (src/core/corpus/chart.ts), x = year; results (or a term's hits) as a line, targets
// as marks that show their bound: about/exact a point, atLeast/atMost a marker with an arrow, range a band.
// Colours come from the VS Code theme and follow it; every point is reachable with the keyboard.
import * as Plot from '@observablehq/plot';

const vscode = acquireVsCodeApi();
const SVG_NS = 'http://www.w3.org/2000/svg';
const $ = (id) => document.getElementById(id);
let current = vscode.getState()?.last;

const css = (name, fallback) => getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
const PALETTE = ['--vscode-charts-blue', '--vscode-charts-orange', '--vscode-charts-green', '--vscode-charts-purple', '--vscode-charts-red', '--vscode-charts-yellow'];

function theme() {
  return {
    fg: css('--vscode-editor-foreground', '#333'),
    bg: css('--vscode-editor-background', '#fff'),
    grid: css('--vscode-editorWidget-border', css('--vscode-panel-border', '#8884')),
    focus: css('--vscode-focusBorder', '#07f'),
    font: css('--vscode-font-family', 'sans-serif'),
    colours: PALETTE.map((v, i) => opaque(css(v, ['#1a85ff', '#d18616', '#388a34', '#652d90', '#e51400', '#bf8803'][i]))),
  };
}

/**
 * A theme colour without its transparency: a theme may give a chart colour as a highlight's (Light Modern's orange is
 * rgba(234, 92, 0, 0.33)), which drew a line and its legend in a faint peach on white.
 */
function opaque(colour) {
  const hex = /^#([0-9a-f]{6})[0-9a-f]{2}$/i.exec(colour) ?? /^#([0-9a-f]{3})[0-9a-f]$/i.exec(colour);
  if (hex) return `#${hex[1]}`;
  const rgba = /^rgba\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)[,\s/]+[\d.%]+\s*\)$/.exec(colour);
  return rgba ? `rgb(${rgba[1]}, ${rgba[2]}, ${rgba[3]})` : colour;
}

/**
 * Whole years only, at most about 14 of them (a tick between two years would repeat a label), at multiples of a
 * round step (2006, 2008, …, 2016). Counted from the first year, 2005, 2007, … left a last year of 2016 unlabelled;
 * now an odd first or last year goes unlabelled, as on any axis of round numbers.
 */
function yearTicks(points) {
  const xs = points.map((p) => p.x);
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const step = [1, 2, 5, 10, 20, 25, 50, 100].find((s) => (hi - lo) / s <= 14) ?? Math.ceil((hi - lo) / 14);
  const ticks = [];
  for (let y = Math.ceil(lo / step) * step; y <= hi; y += step) ticks.push(y);
  return ticks;
}

function render() {
  if (!current) return;
  const { chart, labels } = current;
  $('title').textContent = chart.title;
  const t = theme();
  const series = [...new Set(chart.points.map((p) => p.series))];
  const colour = (p) => t.colours[series.indexOf(p.series) % t.colours.length];
  const lines = chart.points.filter((p) => p.role !== 'target');
  const targets = chart.points.filter((p) => p.role === 'target');
  const band = targets.filter((p) => p.bound === 'range' && p.y2 !== undefined);
  const up = targets.filter((p) => p.bound === 'atLeast');
  const down = targets.filter((p) => p.bound === 'atMost');
  const point = targets.filter((p) => !band.includes(p) && !up.includes(p) && !down.includes(p));
  const ys = chart.points.flatMap((p) => (p.y2 !== undefined ? [p.y, p.y2] : [p.y]));
  const span = Math.max(1e-9, Math.max(...ys) - Math.min(...ys));
  const arrow = span * 0.08;
  const width = Math.max(480, $('chart').clientWidth || 800);
  const plot = Plot.plot({
    className: 'ra-plot',
    width,
    height: 360,
    marginLeft: 56,
    marginBottom: 40,
    style: null,
    // (Linear: the years apart by their distance. A tickY mark asks for a band scale, which spaced 2008, 2010, 2014
    // evenly and dropped the ticks of years without data.)
    x: { type: 'linear', label: labels.year, tickFormat: 'd', ticks: yearTicks(chart.points), nice: false, insetLeft: 12, insetRight: 12 },
    y: { label: chart.yLabel, grid: true, nice: true },
    marks: [
      Plot.rect(band, { x1: (p) => p.x - 0.35, x2: (p) => p.x + 0.35, y1: 'y', y2: 'y2', fill: colour, fillOpacity: 0.3, stroke: colour }),
      Plot.line(chart.breakGaps ? withGaps(lines) : lines, { x: 'x', y: 'y', z: 'series', stroke: colour, strokeWidth: 2, curve: 'linear' }),
      Plot.dot(lines, { x: 'x', y: 'y', fill: colour, r: 3.5 }),
      Plot.dot(point, { x: 'x', y: 'y', stroke: colour, strokeWidth: 2, r: 5, symbol: (p) => (p.bound === 'about' ? 'diamond' : 'square'), fill: 'none' }),
      Plot.arrow(up, { x1: 'x', x2: 'x', y1: 'y', y2: (p) => p.y + arrow, stroke: colour, strokeWidth: 2, headLength: 6 }),
      Plot.arrow(down, { x1: 'x', x2: 'x', y1: 'y', y2: (p) => p.y - arrow, stroke: colour, strokeWidth: 2, headLength: 6 }),
      Plot.ruleY([...up, ...down], { x1: (p) => p.x - 0.3, x2: (p) => p.x + 0.3, y: 'y', stroke: colour, strokeWidth: 2 }),
    ],
  });
  plot.setAttribute('font-family', t.font);
  plot.setAttribute('color', t.fg);
  plot.setAttribute('role', 'img');
  plot.setAttribute('aria-label', chart.title);
  for (const el of plot.querySelectorAll('[aria-label="x-axis tick label"], [aria-label="y-axis tick label"], [aria-label$="axis label"]')) el.setAttribute('fill', t.fg);
  for (const el of plot.querySelectorAll('[aria-label="y-grid"]')) el.setAttribute('stroke', t.grid);
  addFocusTargets(plot, chart, colour, t);
  $('chart').replaceChildren(plot);
  legend(series, colour, chart, labels);
  regionPicker(current.regions ?? [], labels);
  table(chart);
  vscode.postMessage({ type: 'rendered', marks: plot.querySelectorAll('path, circle, rect, line').length, points: chart.points.length });
}

/**
 * The points of each series with a point of no value where years are missing between two, which Plot's line leaves
 * undrawn: a term's line does not run across years no report of the corpus is from.
 */
function withGaps(points) {
  const out = [];
  const last = new Map();
  for (const p of [...points].sort((a, b) => a.x - b.x)) {
    const before = last.get(p.series);
    if (before !== undefined && p.x - before.x > 1) out.push({ x: before.x + 1, y: NaN, series: p.series });
    out.push(p);
    last.set(p.series, p);
  }
  return out;
}

/** A transparent, focusable circle over each data point: hover or focus shows its sentence, click or Enter opens it. */
function addFocusTargets(plot, chart, colour, t) {
  const x = plot.scale('x');
  const y = plot.scale('y');
  const layer = document.createElementNS(SVG_NS, 'g');
  layer.setAttribute('class', 'ra-targets');
  for (const p of chart.points) {
    const c = document.createElementNS(SVG_NS, 'circle');
    c.setAttribute('cx', x.apply(p.x));
    c.setAttribute('cy', y.apply(p.y2 !== undefined ? (p.y + p.y2) / 2 : p.y));
    c.setAttribute('r', 9);
    c.setAttribute('fill', 'transparent');
    c.setAttribute('stroke', 'none');
    c.setAttribute('tabindex', '0');
    c.setAttribute('role', p.uri ? 'button' : 'img');
    c.setAttribute('aria-label', `${p.label}. ${p.report ?? ''}`);
    const show = () => {
      c.setAttribute('stroke', t.focus);
      c.setAttribute('stroke-width', '2');
      tip(p, c);
    };
    const hide = () => {
      c.setAttribute('stroke', 'none');
      $('tip').hidden = true;
    };
    const open = () => p.uri && vscode.postMessage({ type: 'open', uri: p.uri, start: p.start, end: p.end });
    c.addEventListener('mouseenter', show);
    c.addEventListener('focus', show);
    c.addEventListener('mouseleave', hide);
    c.addEventListener('blur', hide);
    c.addEventListener('click', open);
    c.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        open();
      }
    });
    layer.append(c);
  }
  plot.append(layer);
}

function tip(p, anchor) {
  const el = $('tip');
  el.replaceChildren();
  const head = document.createElement('strong');
  head.textContent = p.label;
  const body = document.createElement('div');
  body.textContent = p.detail;
  el.append(head, body);
  if (p.report) {
    const from = document.createElement('em');
    from.textContent = p.report;
    el.append(from);
  }
  el.hidden = false;
  const box = anchor.getBoundingClientRect();
  el.style.left = `${Math.min(window.innerWidth - 380, Math.max(8, box.left + window.scrollX - 20))}px`;
  el.style.top = `${box.bottom + window.scrollY + 6}px`;
}

function swatch(draw) {
  const s = document.createElementNS(SVG_NS, 'svg');
  s.setAttribute('width', '18');
  s.setAttribute('height', '14');
  s.setAttribute('aria-hidden', 'true');
  s.innerHTML = draw;
  return s;
}

function legend(series, colour, chart, labels) {
  const el = $('legend');
  el.replaceChildren();
  const item = (svg, text) => {
    const span = document.createElement('span');
    span.append(svg, document.createTextNode(text));
    el.append(span);
  };
  for (const s of series) item(swatch(`<rect x="2" y="5" width="14" height="4" fill="${colour({ series: s })}"/>`), s);
  // The marks of the chart's targets, only those it draws.
  const targets = chart.points.filter((p) => p.role === 'target');
  if (targets.length > 0) {
    const fg = theme().fg;
    const has = (...bounds) => targets.some((p) => bounds.includes(p.bound));
    item(swatch(`<circle cx="9" cy="7" r="3.5" fill="${fg}"/>`), labels.result);
    if (has('about')) item(swatch(`<path d="M9 1 L15 7 L9 13 L3 7 Z" fill="none" stroke="${fg}" stroke-width="1.5"/>`), labels['target.about']);
    if (has('exact', undefined)) item(swatch(`<rect x="4" y="2" width="10" height="10" fill="none" stroke="${fg}" stroke-width="1.5"/>`), labels['target.exact']);
    if (has('atLeast')) item(swatch(`<path d="M9 2 L9 12 M5 6 L9 2 L13 6 M4 12 L14 12" fill="none" stroke="${fg}" stroke-width="1.5"/>`), labels['target.atLeast']);
    if (has('atMost')) item(swatch(`<path d="M9 12 L9 2 M5 8 L9 12 L13 8 M4 2 L14 2" fill="none" stroke="${fg}" stroke-width="1.5"/>`), labels['target.atMost']);
    if (has('range')) item(swatch(`<rect x="4" y="2" width="10" height="10" fill="${fg}" fill-opacity="0.3" stroke="${fg}"/>`), labels['target.range']);
  }
}

/** The regions of an indicator as checkboxes (shown when there are several): the chart draws the checked ones. */
function regionPicker(regions, labels) {
  const el = $('regions');
  el.hidden = regions.length < 2;
  if (el.hidden) return;
  const focused = document.activeElement?.dataset?.region;
  el.replaceChildren();
  const legendEl = document.createElement('legend');
  legendEl.textContent = labels.regions;
  el.append(legendEl);
  for (const r of regions) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = r.selected;
    box.dataset.region = r.name;
    box.addEventListener('change', () => {
      const chosen = [...el.querySelectorAll('input:checked')].map((b) => b.dataset.region);
      if (chosen.length === 0) {
        box.checked = true; // at least one region stays drawn
        return;
      }
      vscode.postMessage({ type: 'regions', regions: chosen });
    });
    label.append(box, document.createTextNode(` ${r.label ?? r.name} (${r.points})`));
    el.append(label);
    if (r.name === focused) box.focus();
  }
}

function table(chart) {
  const el = $('table');
  el.replaceChildren();
  const caption = document.createElement('caption');
  caption.textContent = chart.title;
  // A column of numbers (and ranges of them, 8–9) is right-aligned, its heading too: the numbers stand under it.
  const numeric = chart.columns.map((_, k) => chart.rows.some((r) => r[k] !== '') && chart.rows.every((r) => r[k] === '' || typeof r[k] === 'number' || /^-?[\d.]+–-?[\d.]+$/.test(String(r[k]))));
  const head = document.createElement('tr');
  for (const [k, c] of chart.columns.entries()) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = c;
    if (numeric[k]) th.className = 'num';
    head.append(th);
  }
  const thead = document.createElement('thead');
  thead.append(head);
  const tbody = document.createElement('tbody');
  for (const row of chart.rows) {
    const tr = document.createElement('tr');
    for (const [k, v] of row.entries()) {
      const td = document.createElement('td');
      td.textContent = String(v);
      if (numeric[k]) td.className = 'num';
      tr.append(td);
    }
    tbody.append(tr);
  }
  el.append(caption, thead, tbody);
}

/** The chart as a standalone SVG: the theme's colours are already in its attributes; a background is added. */
function svgText() {
  const svg = $('chart').querySelector('svg.ra-plot');
  if (!svg) return '';
  const copy = svg.cloneNode(true);
  copy.querySelector('.ra-targets')?.remove();
  copy.setAttribute('xmlns', SVG_NS);
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', theme().bg);
  copy.insertBefore(bg, copy.firstChild);
  const title = document.createElementNS(SVG_NS, 'title');
  title.textContent = current.chart.title;
  copy.insertBefore(title, copy.firstChild);
  return new XMLSerializer().serializeToString(copy);
}

function pngData(svg) {
  return new Promise((resolve, reject) => {
    const box = $('chart').querySelector('svg.ra-plot').getBoundingClientRect();
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(box.width * 2);
      canvas.height = Math.ceil(box.height * 2);
      const ctx = canvas.getContext('2d');
      ctx.scale(2, 2);
      ctx.drawImage(img, 0, 0, box.width, box.height);
      resolve(canvas.toDataURL('image/png'));
    };
    img.onerror = () => reject(new Error('the chart could not be drawn as PNG'));
    img.src = `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(svg)))}`;
  });
}

window.addEventListener('message', async (event) => {
  const m = event.data;
  if (m.type === 'data') {
    current = { state: m.state, chart: m.chart, labels: m.labels, regions: m.regions ?? [] };
    vscode.setState({ timeline: m.state, last: current });
    render();
  } else if (m.type === 'export') {
    const svg = svgText();
    const data = m.format === 'svg' ? svg : await pngData(svg);
    vscode.postMessage({ type: 'exported', requestId: m.requestId, format: m.format, data });
  }
});

for (const format of ['svg', 'png', 'csv']) $(`save-${format}`).addEventListener('click', () => vscode.postMessage({ type: 'save', format }));
// The theme changes the body's class: draw again in its colours.
new MutationObserver(() => render()).observe(document.body, { attributes: true, attributeFilter: ['class'] });
let resizeTimer;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(render, 150);
});
render();
vscode.postMessage({ type: 'ready' });
