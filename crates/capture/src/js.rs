//! JavaScript run inside the captured page. Each snippet is an expression;
//! `CFG` is replaced by a JSON value before evaluation.

/// Clicks one consent button in the current frame. Returns a list of what was
/// clicked (empty when nothing matched): `"label" – address`, without words,
/// since the report is shown as it is in a Swedish or an English window.
pub const CONSENT_CLICK: &str = r#"(function(cfg){
  const norm = s => (s || '').replace(/\s+/g, ' ').trim().toLowerCase();
  const texts = cfg.texts.map(norm);
  const visible = el => { const r = el.getBoundingClientRect(); const cs = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none'; };
  const where = location.origin + location.pathname;
  for (const sel of cfg.selectors) {
    let els = [];
    try { els = document.querySelectorAll(sel); } catch (e) { continue; }
    for (const el of els) { if (visible(el)) { el.click(); return ['selector ' + sel + ' – ' + where]; } }
  }
  const cands = document.querySelectorAll('button,[role=button],a,input[type=button],input[type=submit]');
  for (const el of cands) {
    const label = (el.innerText || el.value || el.getAttribute('aria-label') || '').trim();
    if (texts.includes(norm(label)) && visible(el)) { el.click(); return ['"' + label + '" – ' + where]; }
  }
  return [];
})(CFG)"#;

/// Looks for a login wall (or a consent dialog left standing) in the main
/// frame: a visible overlay that covers at least a quarter of the viewport and
/// holds a password field or a known text.
pub const DETECT_WALLS: &str = r#"(function(cfg){
  const out = [];
  const vw = innerWidth, vh = innerHeight;
  const norm = s => (s || '').replace(/\s+/g, ' ').trim().toLowerCase();
  const big = el => { const r = el.getBoundingClientRect();
    const w = Math.max(0, Math.min(r.right, vw) - Math.max(r.left, 0));
    const h = Math.max(0, Math.min(r.bottom, vh) - Math.max(r.top, 0));
    return w * h >= 0.25 * vw * vh; };
  const overlays = [];
  for (const el of document.querySelectorAll('body *')) {
    const cs = getComputedStyle(el);
    if (cs.position !== 'fixed' && cs.position !== 'absolute') continue;
    if (cs.display === 'none' || cs.visibility === 'hidden' || +cs.opacity === 0) continue;
    if (!big(el)) continue;
    overlays.push(el);
  }
  const name = el => el.id ? '#' + el.id : el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/)[0] : '');
  for (const el of overlays) {
    const txt = norm(el.innerText);
    const pw = el.querySelector('input[type=password]');
    const hit = cfg.login.find(t => txt.includes(norm(t)));
    if (pw || hit) { out.push('login wall: ' + (hit ? '"' + hit + '"' : 'a password field') + ' in an overlay (' + name(el) + ')'); break; }
  }
  for (const el of overlays) {
    const txt = norm(el.innerText);
    if ((txt.includes('cookie') || txt.includes('kakor')) && el.querySelector('button,[role=button]')) {
      out.push('consent wall: a cookie dialog could not be dismissed (' + name(el) + ')'); break; }
  }
  for (const f of document.querySelectorAll('iframe')) {
    const cs = getComputedStyle(f);
    if (cs.display === 'none' || cs.visibility === 'hidden') continue;
    let p = f, fixed = false;
    while (p && p !== document.body) { const ps = getComputedStyle(p).position; if (ps === 'fixed') { fixed = true; break; } p = p.parentElement; }
    if (fixed && big(f) && /consent|cookie|privacy|cmp/i.test(f.src + ' ' + f.id + ' ' + f.title)) {
      out.push('consent wall: a consent frame could not be dismissed (' + f.src + ')'); break; }
  }
  return out;
})(CFG)"#;

/// Turns the browser's scroll anchoring off for the page (on the root and
/// the body, as the page's own `overflow-anchor: none` would): the capture
/// sets the scroll position itself, and a list that rewrites its rows as it
/// scrolls would otherwise have Chromium move that position with a rewritten
/// row, so a window slice would show another part of the page.
pub const NO_SCROLL_ANCHORING: &str = r#"(function(){
  for (const el of [document.documentElement, document.body])
    try { if (el) el.style.setProperty('overflow-anchor', 'none', 'important'); } catch (e) {}
})()"#;

/// Scrolls to `CFG` at once (never smoothly, whatever the page's
/// `scroll-behavior`) and reports the page's size.
pub const SCROLL_TO: &str = r#"(function(y){
  window.scrollTo({ left: 0, top: y, behavior: 'instant' });
  const se = document.scrollingElement || document.documentElement;
  return { y: window.scrollY, height: Math.max(se.scrollHeight, document.body ? document.body.scrollHeight : 0),
           width: Math.max(se.scrollWidth, document.body ? document.body.scrollWidth : 0), vh: innerHeight };
})(CFG)"#;

/// The page's height (as [`SCROLL_TO`] reports it), without scrolling.
pub const HEIGHT: &str = r#"(function(){
  const se = document.scrollingElement || document.documentElement;
  return Math.max(se.scrollHeight, document.body ? document.body.scrollHeight : 0);
})()"#;

/// Resolves after two animation frames and after the images near the viewport
/// have loaded or failed (at most CFG ms). Returns the number still pending.
pub const SETTLE: &str = r#"(async function(timeout){
  // Two frames, but never longer than a second: a page that stops painting
  // must not hang the capture.
  await Promise.race([new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))),
                      new Promise(r => setTimeout(r, 1000))]);
  // Near: a screen above and below, at most 1,000 px below a tall window
  // (further down a native lazy image is not loaded yet: Chromium starts
  // those about 1,250 px ahead).
  const vh = innerHeight;
  const near = [...document.images].filter(i => { if (i.complete) return false;
    const r = i.getBoundingClientRect(); return r.bottom > -vh && r.top < vh + Math.min(vh, 1000); });
  if (near.length) {
    await Promise.race([
      Promise.all(near.map(i => new Promise(r => { i.addEventListener('load', r, {once: true}); i.addEventListener('error', r, {once: true}); }))),
      new Promise(r => setTimeout(r, timeout))]);
  }
  return near.filter(i => !i.complete).length;
})(CFG)"#;

/// The one rule for "an image a lazy loader left unset": no `src` (nor a
/// chosen source) but a `data-*src*` attribute. `lazyKey(i)` names that
/// attribute, or is `undefined` when the image is not such an image. Spliced
/// into [`LAZY_UNSET`], [`LAZY_WAIT`] and [`FINAL_CHECK`], so they cannot
/// disagree.
macro_rules! lazy_key {
    () => {
        "const lazyKey = i => (i.currentSrc || i.getAttribute('src')) ? undefined :
    Object.keys(i.dataset || {}).find(k => /src/i.test(k));
"
    };
}

/// The document positions (top, in CSS px, sorted) of images whose lazy
/// loader has not set them yet (see `lazy_key!`) and that have a box on the
/// page. At most 500.
pub const LAZY_UNSET: &str = concat!(
    "(function(){\n  ",
    lazy_key!(),
    r#"  const out = [];
  for (const i of document.images) {
    if (lazyKey(i) === undefined) continue;
    const r = i.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    out.push(Math.max(0, Math.floor(r.top + window.scrollY)));
    if (out.length >= 500) break;
  }
  return out.sort((a, b) => a - b);
})()"#
);

/// Waits (at most CFG ms) until no image in the viewport is left unset by
/// its lazy loader; returns how many still are.
pub const LAZY_WAIT: &str = concat!(
    "(async function(timeout){\n  ",
    lazy_key!(),
    r#"  const end = Date.now() + timeout;
  const unset = () => [...document.images].filter(i => {
    if (lazyKey(i) === undefined) return false;
    const r = i.getBoundingClientRect();
    return (r.width > 0 || r.height > 0) && r.bottom > 0 && r.top < innerHeight;
  }).length;
  while (unset() > 0 && Date.now() < end) await new Promise(r => setTimeout(r, 50));
  return unset();
})(CFG)"#
);

/// After scrolling: waits for web fonts and every image (at most CFG ms), then
/// lists images that failed and web fonts that did not load.
pub const FINAL_CHECK: &str = concat!(
    "(async function(timeout){\n  ",
    lazy_key!(),
    r#"  const limit = new Promise(r => setTimeout(r, timeout));
  await Promise.race([document.fonts.ready, limit]);
  const pending = [...document.images].filter(i => !i.complete);
  await Promise.race([Promise.all(pending.map(i => i.decode().catch(() => null))), limit]);
  const failed = [];
  for (const i of document.images) {
    const lazy = lazyKey(i);
    if (lazy !== undefined) { failed.push(i.dataset[lazy] + ' (a lazy loader never set the image)'); continue; }
    const src = i.currentSrc || i.src;
    if (!src) continue;
    if (!i.complete) failed.push(src + ' (did not finish loading)');
    else if (i.naturalWidth === 0) failed.push(src);
  }
  const fonts = [];
  document.fonts.forEach(f => { if (f.status === 'error') fonts.push(f.family + ' (web font failed)'); });
  return { failed: failed, fonts: fonts, title: document.title };
})(CFG)"#
);

/// Turns fixed elements into absolute ones and sticky into relative ones, so
/// a header is painted once at the top and not repeated down the page.
pub const UNFIX: &str = r#"(function(){
  window.scrollTo({ left: 0, top: 0, behavior: 'instant' });
  let n = 0;
  for (const el of document.querySelectorAll('body *')) {
    const p = getComputedStyle(el).position;
    if (p === 'fixed') { el.style.setProperty('position', 'absolute', 'important'); n++; }
    else if (p === 'sticky') { el.style.setProperty('position', 'relative', 'important');
      el.style.setProperty('top', 'auto', 'important'); el.style.setProperty('bottom', 'auto', 'important'); n++; }
  }
  const se = document.scrollingElement || document.documentElement;
  return { changed: n, height: Math.max(se.scrollHeight, document.body ? document.body.scrollHeight : 0),
           width: Math.max(se.scrollWidth, document.body ? document.body.scrollWidth : 0) };
})()"#;

/// Counts what the page takes away or rewrites from here on, in
/// `window.__ogonblickRemoved`: every removed node (elements, and text a
/// script replaced, as a list that recycles its rows does) and every text
/// changed in place. A virtualised feed drops or rewrites what scrolled out
/// of view; such a page must be shot a window at a time.
pub const WATCH_REMOVALS: &str = r#"(function(){
  if (window.__ogonblickWatch) return;
  window.__ogonblickRemoved = 0;
  window.__ogonblickCount = ms => { for (const m of ms)
    window.__ogonblickRemoved += m.type === "characterData" ? 1 : m.removedNodes.length; };
  window.__ogonblickWatch = new MutationObserver(window.__ogonblickCount);
  window.__ogonblickWatch.observe(document, { childList: true, subtree: true, characterData: true });
})()"#;

/// How many nodes the page removed or texts it rewrote since [`WATCH_REMOVALS`] (records
/// still queued included), and stops watching; `null` when it was not
/// watched (the document was replaced).
pub const REMOVALS: &str = r#"(function(){
  const w = window.__ogonblickWatch;
  if (!w) return null;
  window.__ogonblickCount(w.takeRecords());
  w.disconnect();
  window.__ogonblickWatch = undefined;
  return window.__ogonblickRemoved;
})()"#;

pub fn with_cfg(script: &str, cfg: &serde_json::Value) -> String {
    script.replace("(CFG)", &format!("({cfg})"))
}
