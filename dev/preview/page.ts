/**
 * The preview page: the contracts sheet as a table with the add-on's highlights, the real
 * sidebar beside it, and the Outbox (Gmail drafts and emails the add-on created).
 * Everything from the sheet is set with textContent. Plain ES5 in the browser.
 */
export const PREVIEW_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Contract Audit: local preview</title>
<style>
body { margin: 0; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #202124; background: #f8f9fa; }
header { display: flex; align-items: center; gap: 12px; padding: 8px 14px; background: #fff; border-bottom: 1px solid #dadce0; }
header h1 { font-size: 16px; margin: 0; }
header .subtle { color: #5f6368; }
main { display: flex; gap: 10px; padding: 10px; align-items: flex-start; }
.panel { background: #fff; border: 1px solid #dadce0; border-radius: 6px; }
.panel h2 { font-size: 13px; margin: 0; padding: 6px 10px; border-bottom: 1px solid #dadce0; }
#sheet-panel { flex: 1; min-width: 0; }
#sheet-wrap { overflow: auto; max-height: calc(100vh - 110px); }
table { border-collapse: collapse; font-size: 12px; }
th, td { border: 1px solid #e0e0e0; padding: 2px 6px; white-space: nowrap; max-width: 260px; overflow: hidden; text-overflow: ellipsis; }
thead th, tbody th { background: #f1f3f4; color: #5f6368; font-weight: normal; position: sticky; }
thead th { top: 0; z-index: 1; } tbody th { left: 0; }
td.number { text-align: right; }
td.has-note { box-shadow: inset -6px 6px 0 -3px #f4b400; }
tr.selected td { outline: 2px solid #1a73e8; outline-offset: -2px; }
#sidebar-panel iframe { display: block; width: 300px; height: calc(100vh - 110px); border: 0; }
#outbox-panel { width: 300px; max-height: calc(100vh - 80px); overflow: auto; }
.mail { padding: 6px 10px; border-bottom: 1px solid #eee; }
.mail .kind { font-size: 11px; color: #5f6368; text-transform: uppercase; }
.mail pre { white-space: pre-wrap; font: inherit; margin: 4px 0 0; color: #3c4043; }
.empty { padding: 10px; color: #5f6368; }
#rules { font-size: 11px; color: #5f6368; padding: 6px 10px; }
button { font: inherit; }
</style></head>
<body>
<header><h1>Contract Audit: local preview</h1><span class="subtle" id="source"></span>
<button type="button" id="reload-sidebar">Reopen sidebar</button></header>
<main>
<section class="panel" id="sheet-panel" aria-label="Contracts sheet"><h2 id="sheet-title">Sheet</h2>
<div id="sheet-wrap"><table id="sheet"></table></div><div id="rules"></div></section>
<section class="panel" id="sidebar-panel" aria-label="Sidebar"><h2>Sidebar</h2>
<iframe id="sidebar" title="Contract audit sidebar" src="/sidebar"></iframe></section>
<section class="panel" id="outbox-panel" aria-label="Outbox"><h2>Outbox</h2><div id="outbox"></div></section>
</main>
<script>(function () {
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; }
  function colour(value) { return /^#[0-9a-fA-F]{3,8}$/.test(value || '') ? value : ''; }
  function letter(n) { var s = ''; while (n > 0) { var m = (n - 1) % 26; s = String.fromCharCode(65 + m) + s; n = Math.floor((n - 1) / 26); } return s; }
  function renderSheet(data) {
    document.getElementById('sheet-title').textContent = 'Sheet: ' + data.sheetName;
    document.getElementById('source').textContent = data.source ? 'from ' + data.source : '';
    var table = document.getElementById('sheet');
    while (table.firstChild) table.removeChild(table.firstChild);
    var head = el('thead'), hr = el('tr');
    hr.appendChild(el('th', '', ''));
    for (var c = 1; c <= data.columns; c++) hr.appendChild(el('th', '', letter(c)));
    head.appendChild(hr); table.appendChild(head);
    var body = el('tbody');
    data.rows.forEach(function (row) {
      var tr = el('tr'); tr.setAttribute('data-row', String(row.row));
      if (data.selectedRow === row.row) tr.className = 'selected';
      tr.appendChild(el('th', '', String(row.row)));
      row.cells.forEach(function (cell) {
        var td = el('td', cell.number ? 'number' : '', cell.text);
        var bg = colour(cell.background); if (bg) { td.style.backgroundColor = bg; td.setAttribute('data-bg', bg.toLowerCase()); }
        if (cell.note) { td.title = cell.note; td.className += ' has-note'; }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    table.appendChild(body);
    if (data.totalRows && data.totalRows > data.rows.length) {
      var cut = el('tr'), td = el('td', 'cut', 'Showing the first ' + (data.rows.length - 1).toLocaleString('en-US') + ' of ' + (data.totalRows - 1).toLocaleString('en-US') + ' rows.');
      td.colSpan = data.columns + 1; cut.appendChild(td); body.appendChild(cut);
    }
    var rules = document.getElementById('rules');
    rules.textContent = data.rules.length ? 'Add-on highlight rules: ' + data.rules.map(function (r) { return r.range + ' ' + r.formula + ' → ' + r.background; }).join(' · ') : 'No highlight rules.';
  }
  function renderOutbox(data) {
    var box = document.getElementById('outbox');
    while (box.firstChild) box.removeChild(box.firstChild);
    var items = data.drafts.map(function (d) { return { kind: 'Gmail draft', mail: d }; })
      .concat(data.sent.map(function (m) { return { kind: 'Email sent', mail: m }; }));
    if (!items.length) { box.appendChild(el('p', 'empty', 'Nothing yet. Drafts and digest emails the add-on creates appear here.')); return; }
    items.forEach(function (item) {
      var div = el('div', 'mail'); div.setAttribute('data-kind', item.kind);
      div.appendChild(el('div', 'kind', item.kind));
      div.appendChild(el('div', 'to', 'To: ' + (item.mail.to || '')));
      div.appendChild(el('strong', 'subject', item.mail.subject || ''));
      div.appendChild(el('pre', 'body', item.mail.body || ''));
      box.appendChild(div);
    });
  }
  function get(path) { return fetch(path).then(function (r) { if (!r.ok) throw new Error(path + ': ' + r.status); return r.json(); }); }
  var pending = 0;
  function refresh() {
    pending++;
    document.body.setAttribute('data-refreshing', 'true');
    return Promise.all([get('/api/sheet?max=100').then(renderSheet), get('/api/outbox').then(renderOutbox)])
      .catch(function (e) { console.error(e); })
      .then(function () { pending--; if (!pending) { document.body.removeAttribute('data-refreshing'); document.body.setAttribute('data-refreshed', String(Date.now())); } });
  }
  window.addEventListener('message', function (event) {
    if (event.origin !== window.location.origin || !event.data || event.data.source !== 'contract-audit-preview') return;
    refresh();
  });
  document.getElementById('reload-sidebar').addEventListener('click', function () {
    document.getElementById('sidebar').src = '/sidebar?t=' + Date.now();
  });
  // The sheet is drawn once the sidebar has loaded: in Sheets the grid does not hold up the sidebar's first paint.
  var drawn = false;
  function firstDraw() { if (!drawn) { drawn = true; refresh(); } }
  document.getElementById('sidebar').addEventListener('load', firstDraw);
  setTimeout(firstDraw, 3000);
})();</script>
</body></html>`;
