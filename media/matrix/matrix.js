// The tag matrix table (the extension posts { type: 'data', … }; clicks go back as messages). Plain
// script, no dependencies, no network: the panel's content security policy allows only this file.
// @ts-check
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const state = vscode.getState() || { sortColumn: -1, descending: false };
  /** @type {any} */
  let data;

  window.addEventListener('message', (event) => {
    if (event.data && event.data.type === 'data') {
      data = event.data;
      render();
    }
  });

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') node.className = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, String(v));
    }
    for (const c of children) node.append(c);
    return node;
  }

  function render() {
    const t = data.text;
    const toolbar = document.getElementById('toolbar');
    toolbar.replaceChildren(
      ...['report', 'year', 'region', 'cooccurrence'].map((axis) =>
        el('button', { 'aria-pressed': axis === data.axis, onclick: () => vscode.postMessage({ type: 'axis', axis }) }, t[axis]),
      ),
      el('button', { onclick: () => vscode.postMessage({ type: 'csv' }) }, t.csv),
      el('span', { class: 'scope' }, t.scope),
    );
    const totals = data.counts.map((row) => row.reduce((a, b) => a + b, 0));
    const max = Math.max(1, ...data.counts.flat());
    let order = data.rows.map((_, i) => i);
    const col = state.sortColumn;
    const key = (i) => (col === -1 ? data.rows[i] : col === data.columns.length ? totals[i] : data.counts[i][col]);
    order.sort((a, b) => {
      const x = key(a), y = key(b);
      const c = typeof x === 'string' ? x.localeCompare(y, 'zh-CN') : x - y;
      return state.descending ? -c : c;
    });
    const arrow = (i) => (state.sortColumn === i ? el('span', { class: 'arrow' }, state.descending ? '▼' : '▲') : '');
    const sortBy = (i) => (e) => {
      if (e && e.type === 'keydown' && e.key !== 'Enter' && e.key !== ' ') return;
      state.descending = state.sortColumn === i ? !state.descending : i !== -1;
      state.sortColumn = i;
      vscode.setState(state);
      render();
    };
    const head = el(
      'tr',
      {},
      el('th', { class: 'rowhead', tabindex: 0, onclick: sortBy(-1), onkeydown: sortBy(-1) }, t.tag, arrow(-1)),
      ...data.columns.map((c, i) =>
        el('th', { title: data.titles[i] || t.unknown, tabindex: 0, onclick: sortBy(i), onkeydown: sortBy(i) }, c || t.unknown, arrow(i), data.subtitles && data.subtitles[i] ? el('div', { class: 'sub' }, data.subtitles[i]) : ''),
      ),
      ...(data.axis === 'cooccurrence' ? [] : [el('th', { class: 'total', tabindex: 0, onclick: sortBy(data.columns.length), onkeydown: sortBy(data.columns.length) }, t.total, arrow(data.columns.length))]),
    );
    const body = order.map((r) =>
      el(
        'tr',
        {},
        el('th', {}, data.rows[r]),
        ...data.counts[r].map((n, c) => {
          if (n === 0) return el('td', { class: 'zero' }, '·');
          const pct = Math.round(12 + (n / max) * 48);
          const td = el('td', { class: 'cell', tabindex: 0, title: n === 1 ? t.cellOne : t.cell.replace('{0}', n), onclick: () => vscode.postMessage({ type: 'open', row: r, column: c }) }, String(n));
          td.addEventListener('keydown', (e) => e.key === 'Enter' && vscode.postMessage({ type: 'open', row: r, column: c }));
          // CSSOM, not a style attribute: the content security policy has no 'unsafe-inline'.
          td.style.setProperty('background', `color-mix(in srgb, var(--vscode-charts-blue) ${pct}%, transparent)`);
          return td;
        }),
        ...(data.axis === 'cooccurrence' ? [] : [el('td', { class: 'total' }, String(totals[r]))]),
      ),
    );
    document.getElementById('table').replaceChildren(el('table', {}, el('thead', {}, head), el('tbody', {}, ...body)));
  }
})();
