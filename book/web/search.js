// book/web/search.js: offline search over window.BOOK_INDEX (search-index.js, written by
// tools/weave/assemble.py).  Entries: p page, a anchor, t title, c chapter, x text,
// k kind (s section, f fragment, i identifier).  Every word of the query must match
// (the last one as a prefix); titles, fragment names and identifiers weigh most, and a title
// holding the whole query as a phrase most of all.
(function () {
  var input = document.getElementById('search-input');
  var box = document.getElementById('search-results');
  if (!input || !box) return;
  var index = null, active = -1, shown = [];
  function load() {
    if (index) return index;
    index = (window.BOOK_INDEX || []).map(function (e) {
      return { e: e, t: e.t.toLowerCase(), x: e.x.toLowerCase() };
    });
    return index;
  }
  function esc(s) { return s.replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
  function words(q) { return q.toLowerCase().split(/[\s,.;:()]+/).filter(function (w) { return w.length > 0; }); }
  function count(hay, w) { var n = 0, i = hay.indexOf(w); while (i >= 0 && n < 20) { n++; i = hay.indexOf(w, i + w.length); } return n; }
  function score(it, ws) {
    var s = 0;
    for (var i = 0; i < ws.length; i++) {
      var w = ws[i], inT = it.t.indexOf(w), nx = count(it.x, w);
      if (inT < 0 && nx === 0) return 0;
      if (inT >= 0) s += (it.e.k === 's' ? 12 : 10) + (inT === 0 ? 4 : 0) + (it.t === w ? 8 : 0);
      s += Math.min(nx, 10);
    }
    // the whole query as a phrase in the title: a name typed out in full comes first
    if (ws.length > 1 && it.t.indexOf(ws.join(' ')) >= 0) s += 10 * ws.length;
    return s;
  }
  function snippet(it, ws) {
    var x = it.e.x; if (!x) return '';
    var lx = it.x, pos = -1;
    for (var i = 0; i < ws.length && pos < 0; i++) pos = lx.indexOf(ws[i]);
    if (pos < 0) pos = 0;
    var start = Math.max(0, pos - 60), s = x.slice(start, start + 170);
    var h = esc(s);
    ws.forEach(function (w) {
      if (w.length < 2) return;
      var re = new RegExp('(' + w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + ')', 'ig');
      h = h.replace(re, '<mark>$1</mark>');
    });
    return (start > 0 ? '… ' : '') + h + (start + 170 < x.length ? ' …' : '');
  }
  var KIND = { s: '', f: 'fragment', i: 'identifier' };
  function render(q) {
    var ws = words(q);
    if (!ws.length) { box.hidden = true; return; }
    var res = [];
    load().forEach(function (it) { var s = score(it, ws); if (s > 0) res.push([s, it]); });
    res.sort(function (a, b) { return b[0] - a[0]; });
    shown = res.slice(0, 25);
    active = -1;
    if (!shown.length) { box.innerHTML = '<div class="r-none">No match for “' + esc(q) + '”.</div>'; box.hidden = false; return; }
    box.innerHTML = shown.map(function (r, i) {
      var e = r[1].e, kind = KIND[e.k];
      return '<a href="' + e.p + (e.a ? '#' + e.a : '') + '" data-i="' + i + '"><span class="r-title">' + esc(e.t) +
        '</span><span class="r-where">' + (kind ? kind + ' · ' : '') + esc(e.c) + '</span>' +
        (e.x ? '<span class="r-snip">' + snippet(r[1], ws) + '</span>' : '') + '</a>';
    }).join('');
    box.hidden = false;
  }
  function move(d) {
    var links = box.querySelectorAll('a'); if (!links.length) return;
    if (active >= 0) links[active].classList.remove('active');
    active = (active + d + links.length) % links.length;
    links[active].classList.add('active'); links[active].scrollIntoView({ block: 'nearest' });
  }
  var timer = null;
  input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(function () { render(input.value); }, 60); });
  input.addEventListener('keydown', function (ev) {
    if (ev.key === 'ArrowDown') { move(1); ev.preventDefault(); }
    else if (ev.key === 'ArrowUp') { move(-1); ev.preventDefault(); }
    else if (ev.key === 'Enter') { var l = box.querySelectorAll('a'); var t = l[active >= 0 ? active : 0]; if (t) { window.location.href = t.getAttribute('href'); box.hidden = true; } }
    else if (ev.key === 'Escape') { box.hidden = true; input.blur(); }
  });
  input.addEventListener('focus', function () { if (input.value) render(input.value); });
  document.addEventListener('click', function (ev) { if (!ev.target.closest('.search')) box.hidden = true; });
  document.addEventListener('keydown', function (ev) {
    if (ev.key === '/' && document.activeElement !== input && !/input|textarea/i.test(document.activeElement.tagName)) { ev.preventDefault(); input.focus(); }
  });
  var m = /[?&]q=([^&]*)/.exec(window.location.search);
  if (m) { input.value = decodeURIComponent(m[1].replace(/\+/g, ' ')); render(input.value); }
})();
