// Fixture feed behaviour: IntersectionObserver lazy images (data-src) and
// infinite scroll through /api/feed/<platform>?page=N.
(function () {
  const me = document.currentScript;
  const platform = me.dataset.platform;
  const pages = parseInt(me.dataset.pages || '0', 10);
  const endless = me.dataset.endless === '1';
  let next = 1, busy = false;
  const io = new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (e.isIntersecting) { const img = e.target; img.src = img.dataset.src; io.unobserve(img); }
    }
  }, { rootMargin: '0px' });
  const watch = (root) => root.querySelectorAll('img[data-src]').forEach((i) => io.observe(i));
  watch(document);
  const feed = document.getElementById('feed');
  const more = new IntersectionObserver(async (entries) => {
    if (!entries.some((e) => e.isIntersecting) || busy) return;
    if (!endless && next > pages) return;
    busy = true;
    const r = await fetch('/api/feed/' + platform + '?page=' + next);
    const html = await r.text();
    const tmp = document.createElement('div');
    tmp.innerHTML = html;
    const added = [...tmp.children];
    added.forEach((c) => feed.appendChild(c));
    added.forEach((c) => watch(c));
    next++;
    if (!endless && next > pages) {
      const end = document.createElement('p'); end.className = 'end'; end.textContent = 'Inga fler inlägg – slut på flödet';
      feed.appendChild(end);
    }
    busy = false;
    // Re-check: if the sentinel is still visible, load again.
    more.unobserve(sentinel); more.observe(sentinel);
  });
  const sentinel = document.getElementById('sentinel');
  more.observe(sentinel);
  // In-page consent dialog.
  const accept = document.getElementById('consent-accept');
  if (accept) accept.addEventListener('click', () => document.getElementById('consent').remove());
  const deny = document.getElementById('consent-deny');
  if (deny) deny.addEventListener('click', () => {});
  // Consent dialog in a cross-origin frame tells us through postMessage.
  window.addEventListener('message', (e) => {
    if (e.data === 'consent-accepted') { const w = document.getElementById('cmp-wrap'); if (w) w.remove(); }
  });
})();
