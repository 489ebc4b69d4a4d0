//! Page-side scripts of the PDF/A's text layer and of the coverage count
//! (posts seen while scrolling). Expressions like those of `js.rs`; `CFG` is
//! replaced by a JSON value (see `js::with_cfg`).

/// The lines of text whose top lies in the document band
/// `[CFG.top, CFG.bottom)` and starts left of `CFG.width`, in DOM order:
/// `[[x, y, w, h, text], …]` in document CSS px. Words of one text node on
/// one line make one line; a text node that wraps gives one line per row.
/// Text that is not rendered (no box, `visibility: hidden`, transparent)
/// is left out.
pub const TEXT_LINES: &str = r#"(function(cfg){
  const sx = window.scrollX, sy = window.scrollY, out = [];
  const root = document.body || document.documentElement;
  if (!root) return out;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT,
    { acceptNode: n => /\S/.test(n.data) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP });
  const range = document.createRange();
  const shown = new Map();
  const visible = el => {
    let v = shown.get(el);
    if (v === undefined) {
      const cs = getComputedStyle(el);
      v = cs.visibility === 'visible' && +cs.opacity > 0 && cs.display !== 'none' &&
          !['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE'].includes(el.tagName);
      shown.set(el, v);
    }
    return v;
  };
  const r2 = v => Math.round(v * 100) / 100;
  let n;
  while ((n = walker.nextNode())) {
    const el = n.parentElement;
    if (!el) continue;
    const pb = el.getBoundingClientRect();
    if (pb.bottom + sy <= cfg.top || pb.top + sy >= cfg.bottom + 200 || !visible(el)) continue;
    const re = /\S+/g;
    let m, cur = null;
    while ((m = re.exec(n.data))) {
      range.setStart(n, m.index);
      range.setEnd(n, m.index + m[0].length);
      const rects = range.getClientRects();
      if (!rects.length) continue;
      const b = rects[0], e = rects[rects.length - 1];
      if (b.width <= 0 || b.height <= 0) continue;
      const x = b.left + sx, y = b.top + sy;
      if (cur && Math.abs(cur.y - y) < b.height / 2 && x >= cur.r - 1) {
        cur.text += ' ' + m[0];
        cur.r = Math.max(cur.r, e.right + sx);
        cur.h = Math.max(cur.h, b.height);
      } else {
        if (cur) out.push(cur);
        cur = { x: x, y: y, r: e.right + sx, h: b.height, text: m[0] };
      }
    }
    if (cur) out.push(cur);
  }
  return out.filter(l => l.y >= cfg.top && l.y < cfg.bottom && l.x < cfg.width && l.r > 0)
            .map(l => [r2(l.x), r2(l.y), r2(l.r - l.x), r2(l.h), l.text]);
})(CFG)"#;

/// The posts (outermost elements matching `CFG.selector`) whose top lies in
/// `[CFG.top, CFG.bottom)`: `[[y, h, key, words], …]` in document CSS px;
/// `key` tells a post apart (its text, or its first image or position when
/// it has none), `words` its rendered words, lower-cased (at most 60).
pub const POSTS: &str = r#"(function(cfg){
  const sy = window.scrollY, out = [];
  let all = [];
  try { all = document.querySelectorAll(cfg.selector); } catch (e) { return out; }
  for (const a of all) {
    if (a.parentElement && a.parentElement.closest(cfg.selector)) continue;
    const b = a.getBoundingClientRect();
    if (b.height <= 0 || b.width <= 0) continue;
    const y = b.top + sy;
    if (y < cfg.top || y >= cfg.bottom) continue;
    const text = (a.innerText || '').replace(/\s+/g, ' ').trim();
    const img = a.querySelector('img');
    const key = text ? text.slice(0, 300) : (img && (img.currentSrc || img.src)) ? 'img ' + (img.currentSrc || img.src) : 'at ' + Math.round(y);
    const words = text.toLowerCase().split(' ').filter(w => w).slice(0, 60);
    out.push([Math.round(y), Math.round(b.height), key, words]);
  }
  return out;
})(CFG)"#;
