//! JavaScript of the expander stage (`page/expand.rs`), run in the captured
//! page's main frame. `CFG` is replaced by a JSON value before evaluation.
//!
//! The state kept between calls lives on the page under
//! `Symbol.for('ogonblick.expand')`: the elements clicked (and the mutation
//! count at that moment, so an expander that opened nothing is not clicked
//! again), a mutation counter, and the `window.open` calls refused during
//! the clicks. A page
//! that tampers with it changes only what is counted: the safety checks are
//! part of every call.

/// Finds the expanders on the page, clicks at most `cfg.max` of the safe
/// ones, and returns `{clicked: [{kind, text}], left, skipped, windows}`:
/// `left` the safe expanders not clicked now, `skipped` the look-alikes that
/// would leave, open a window or act (never clicked), `windows` the
/// `window.open` calls refused so far.
pub const EXPAND_ROUND: &str = r#"(function(cfg){
  const KEY = Symbol.for('ogonblick.expand');
  const st = window[KEY] || (window[KEY] = { clicked: new WeakMap(), mutations: 0, last: performance.now(), windows: 0 });
  if (!st.observer) {
    st.observer = new MutationObserver(list => { st.mutations += list.length; st.last = performance.now(); });
    st.observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true });
  }
  const norm = s => (s || '').replace(/\s+/g, ' ').trim().toLowerCase()
    .replace(/^[.…·\s]+|[.…·\s]+$/g, '').replace(/\d+(?:[.,\s]\d+)*/g, '#');
  const kinds = new Map();
  for (const k of ['text', 'comments', 'replies']) for (const t of cfg.texts[k]) if (!kinds.has(norm(t))) kinds.set(norm(t), k);
  // Words of acting on the platform: an element that says one of them about
  // itself is never clicked, whatever the configured texts say.
  const DENY = new Set(['like','unlike','love','react','follow','unfollow','share','reply','report','send',
    'subscribe','unsubscribe','join','retweet','repost','quote','bookmark','save','block','mute','delete',
    'remove','edit','comment','message','vote','buy','donate','login','logout','signup','gilla','dela',
    'svara','rapportera','anmäl','följ','avfölj','skicka','prenumerera','kommentera','spara','blockera',
    'ta','radera','redigera','publicera','rösta','köp','logga']);
  const tokens = s => (s || '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const visible = el => { const r = el.getBoundingClientRect(); if (r.width <= 0 || r.height <= 0) return false;
    const cs = getComputedStyle(el); return cs.visibility !== 'hidden' && cs.display !== 'none' && +cs.opacity !== 0; };
  const sameDocument = h => {
    if (h === '' || h.startsWith('#')) return true;
    if (/^javascript:\s*(void\s*\(?\s*0?\s*\)?)?\s*;?\s*$/i.test(h)) return true;
    return false;
  };
  const unsafe = (el, label) => {
    if (el.isContentEditable) return 'editable';
    for (let a = el; a && a !== document.documentElement; a = a.parentElement) {
      const tag = a.tagName;
      if ((tag === 'A' || tag === 'AREA') && a.hasAttribute('href')) {
        if (a.hasAttribute('download')) return 'download';
        const t = (a.getAttribute('target') || '').trim().toLowerCase();
        if (t && t !== '_self') return 'new window';
        if (!sameDocument(a.getAttribute('href').trim())) return 'link';
      }
      if (tag === 'FORM') break;
    }
    const tag = el.tagName;
    if (tag === 'INPUT' && /^(submit|image|reset)$/i.test(el.type)) return 'submit';
    if (tag === 'BUTTON' && el.form && (el.getAttribute('type') || 'submit').toLowerCase() !== 'button') return 'submit';
    if (el.hasAttribute('formaction') || el.hasAttribute('formtarget')) return 'submit';
    for (let a = el, i = 0; a && i < 4; a = a.parentElement, i++) {
      const on = ['onclick', 'onmousedown', 'onmouseup', 'onpointerdown', 'onpointerup']
        .map(n => a.getAttribute(n) || '').join(' ');
      if (/open\s*\(|location|submit\s*\(|href|navigate|assign\s*\(|replace\s*\(/i.test(on)) return 'script';
    }
    if (el.hasAttribute('aria-pressed')) return 'toggle';
    const pop = el.getAttribute('aria-haspopup');
    if (pop && pop !== 'false') return 'menu';
    const says = [label, el.getAttribute('aria-label'), el.getAttribute('title'), el.getAttribute('data-testid'),
      el.getAttribute('name'), el.getAttribute('data-action'), el.getAttribute('value')].join(' ');
    if (tokens(says).some(t => DENY.has(t))) return 'action';
    return null;
  };
  const seen = new Set();
  const found = [];
  let skipped = 0;
  const consider = (el, selKind) => {
    if (seen.has(el)) return;
    seen.add(el);
    const raw = el.tagName === 'INPUT' ? (el.value || '') : (el.textContent || '');
    if (raw.length > 120) return;
    // Matched on the text without layout first (cheap on a page with nothing
    // to expand); the visible text is read only for a match.
    const aria = el.getAttribute('aria-label') || '';
    const kind = kinds.get(norm(raw)) || (raw.trim() ? null : kinds.get(norm(aria))) || selKind;
    if (!kind || !visible(el)) return;
    let label = el.tagName === 'INPUT' ? el.value : el.innerText;
    if (!(label || '').trim()) label = aria;
    label = (label || '').replace(/\s+/g, ' ').trim();
    if (!selKind && kinds.get(norm(label)) !== kind && kinds.get(norm(aria)) !== kind) return;
    const prev = st.clicked.get(el);
    if (prev && prev.refused) { skipped++; return; }
    if (unsafe(el, label)) { skipped++; return; }
    found.push({ el, kind, text: label.slice(0, 100), prev });
  };
  for (const [k, s] of cfg.selectors) { let els = []; try { els = document.querySelectorAll(s); } catch (e) { continue; }
    for (const el of els) consider(el, k); }
  for (const el of document.querySelectorAll('button,[role=button],[role=link],a,summary,[aria-expanded],input[type=button],input[type=submit],[tabindex]'))
    consider(el, null);
  const clicked = [];
  let left = 0;
  // A click never opens a window: window.open answers null while the clicks
  // are made (what a page opens later is closed by the capture's guard).
  const open = window.open;
  try { window.open = function(){ st.windows++; return null; }; } catch (e) {}
  for (const f of found) {
    // Clicked before and nothing changed on the page since: it opens nothing.
    const dead = f.prev && (f.prev.at === st.mutations || f.prev.n >= 25);
    if (dead || clicked.length >= cfg.max) { left++; continue; }
    const before = st.windows;
    st.clicked.set(f.el, { n: (f.prev ? f.prev.n : 0) + 1, at: st.mutations });
    try { f.el.click(); } catch (e) {}
    if (st.windows !== before) { st.clicked.set(f.el, { refused: true }); skipped++; continue; }
    clicked.push({ kind: f.kind, text: f.text });
  }
  try { window.open = open; } catch (e) {}
  return { clicked, left, skipped, windows: st.windows };
})(CFG)"#;

/// Resolves once the page's DOM has not changed for `cfg.quiet` ms (at most
/// `cfg.cap` ms); returns the mutations seen so far.
pub const EXPAND_SETTLE: &str = r#"(async function(cfg){
  const st = window[Symbol.for('ogonblick.expand')];
  if (!st) return 0;
  const start = performance.now();
  while (performance.now() - start < cfg.cap && performance.now() - st.last < cfg.quiet) {
    await new Promise(r => setTimeout(r, Math.max(10, cfg.quiet - (performance.now() - st.last))));
  }
  return st.mutations;
})(CFG)"#;
