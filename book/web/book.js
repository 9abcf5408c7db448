// book/web/book.js: light/dark switch and the contents drawer on narrow screens.
(function () {
  var root = document.documentElement;
  var btn = document.querySelector('.theme-toggle');
  function dark() {
    var t = root.getAttribute('data-theme');
    if (t) return t === 'dark';
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
  }
  if (btn) btn.addEventListener('click', function () {
    var t = dark() ? 'light' : 'dark';
    root.setAttribute('data-theme', t);
    try { localStorage.setItem('book-theme', t); } catch (e) {}
  });
  var toggle = document.querySelector('.toc-toggle');
  if (toggle) toggle.addEventListener('click', function (ev) {
    ev.stopPropagation();
    var open = document.body.classList.toggle('toc-open');
    toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
  });
  document.addEventListener('click', function (ev) {
    if (document.body.classList.contains('toc-open') && !ev.target.closest('.sidebar')) {
      document.body.classList.remove('toc-open');
      if (toggle) toggle.setAttribute('aria-expanded', 'false');
    }
  });
  // keep the current chapter visible in the sidebar
  var cur = document.querySelector('.book-toc li.current');
  var side = document.querySelector('.sidebar');
  if (cur && side && cur.offsetTop > side.clientHeight * 0.6) side.scrollTop = cur.offsetTop - 80;
})();
