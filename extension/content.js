// Lede content script: hosts the panel iframe, hands it the page snapshot, and paints highlights.
//
// Injected (after snapshot.js) on every toolbar click; a second click while the panel is open closes
// it. It never changes the page's DOM outside its own host element, which sits on <html> (not
// <body>; in an SVG document, a <foreignObject> on the root <svg>) and holds the panel in a *closed*
// shadow root, so page scripts see `shadowRoot === null`.
//
// The analysis runs in the panel (an extension page), not here: Chromium refuses to compile
// WebAssembly in a content script on pages whose CSP lacks 'wasm-unsafe-eval'.
//
// Messages arrive on a runtime port that only our extension can open (the panel directly in
// Chromium, the background relay in Firefox); the port's first message must carry the random nonce
// that this script put in the panel URL. Nothing travels through window.postMessage.
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  /** When this run started: the content script's time on the page's main thread is measured from here. */
  const startedAt = performance.now();

  if (globalThis.ledeState) {
    globalThis.ledeState.close();
    return;
  }

  if (!document.documentElement) {
    // A document without a root element: nowhere to put the panel. The background says so on the
    // toolbar button instead.
    Promise.resolve(api.runtime.sendMessage({ type: 'lede-unsupported' })).catch(() => {});
    return;
  }

  /** Highlight names, one per entity type, plus the short-lived "you are here" paint. */
  const HIGHLIGHT_NAMES = { PERSON: 'lede-person', ORG: 'lede-org', PLACE: 'lede-place' };
  const FOCUS_HIGHLIGHT = 'lede-focus';
  const FOCUS_MS = 1800;
  const COLLAPSED_HEIGHT_PX = 44;
  /** Visible characters (whitespace not counted) of a whole story, as `snapshot::MIN_STORY_CHARS`
   * (declared up here: the walk's first slice, which ends in `oneStory`, runs during set-up). */
  const MIN_STORY_CHARS = 700;

  /** Below this window width the panel becomes a sheet along the bottom edge, so the article keeps
   * the top of the window. */
  const NARROW_PX = 640;

  const HOST_CSS = `
    :host { all: initial !important; }
    :host::backdrop { display: none !important; }
    iframe {
      position: fixed; top: 12px; right: 12px; left: auto; bottom: auto; z-index: 2147483647;
      width: min(400px, calc(100vw - 24px)); height: calc(100vh - 24px);
      margin: 0; padding: 0; border: 0; border-radius: 12px;
      box-shadow: 0 12px 40px rgba(0, 0, 0, .28), 0 0 0 1px rgba(0, 0, 0, .08);
      background: transparent; color-scheme: normal; display: block; visibility: visible;
      opacity: 1; transform: none; pointer-events: auto;
      transition: height .16s ease;
    }
    iframe.left { left: 12px; right: auto; }
    iframe.collapsed { height: ${COLLAPSED_HEIGHT_PX}px; }
    @media (max-width: ${NARROW_PX - 0.02}px) {
      iframe, iframe.left {
        top: auto; bottom: 0; left: 0; right: 0; width: 100vw; height: 50vh;
        border-radius: 12px 12px 0 0;
      }
      iframe.collapsed { height: ${COLLAPSED_HEIGHT_PX}px; }
    }
    @media (prefers-reduced-motion: reduce) { iframe { transition: none; } }
  `;

  // getRandomValues, not randomUUID: the latter is missing on plain-http pages (not a secure context).
  const nonce = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
  // Where the keyboard was before the panel took it: Esc and Close give it back.
  const previousFocus = document.activeElement;
  const XHTML_NS = 'http://www.w3.org/1999/xhtml';
  const SVG_NS = 'http://www.w3.org/2000/svg';
  /** An HTML element, also in an XML document (an SVG image, an XML feed), where `createElement`
   * would make a namespace-less element that neither renders as HTML nor takes a shadow root. */
  const htmlElement = (name) => document.createElementNS(XHTML_NS, name);
  // `panelElement` holds the closed shadow root with the panel iframe. `host` is the one element
  // added to the page: the panel element itself, on the root element (<html>, or the root of any
  // other XML document), or, in an SVG document, where HTML renders only inside <foreignObject>, a
  // <foreignObject> around it.
  const panelElement = htmlElement('lede-panel');
  const svgRoot = document.documentElement instanceof SVGSVGElement ? document.documentElement : null;
  const host = svgRoot ? document.createElementNS(SVG_NS, 'foreignObject') : panelElement;
  if (svgRoot) {
    host.setAttribute('width', '1');
    host.setAttribute('height', '1');
    host.append(panelElement);
  }
  // The panel is drawn in the top layer, as a manual popover (which closes none of the page's
  // popovers), where the browser supports it. Outside HTML it must be: a root <svg> clips what it draws
  // to its own box (often smaller than the window) and scales it by its viewBox, and other XML roots
  // may lay out their children anywhere. In HTML, adding the panel to the top layer does not make the
  // browser update the page's compositing inputs and paint properties (100-150 ms on the 200 000-
  // element page, in headless Chromium 156). `:host::backdrop` hides the backdrop that the page's own
  // `::backdrop` rules would draw behind it.
  const inTopLayer = 'popover' in panelElement;
  if (inTopLayer) panelElement.popover = 'manual';
  const shadow = panelElement.attachShadow({ mode: 'closed' });
  styleShadow(shadow, HOST_CSS);

  const frame = htmlElement('iframe');
  const panelUrl = new URL(api.runtime.getURL('panel.html'));
  panelUrl.searchParams.set('nonce', nonce);
  if (Number.isInteger(globalThis.ledeTabId)) panelUrl.searchParams.set('tab', globalThis.ledeTabId);
  // The framed document runs under the extension's own origin even when the URL is the per-session
  // dynamic one (use_dynamic_url), so grant clipboard-write to both.
  const origins = new Set([panelUrl.origin, `chrome-extension://${api.runtime.id}`]);
  frame.setAttribute('allow', `clipboard-write ${[...origins].join(' ')}`);
  frame.setAttribute('title', 'Lede article summary');
  frame.src = panelUrl.href;
  // Keyboard focus moves into the panel (Copy is focused inside once it renders).
  frame.addEventListener('load', () => frame.focus(), { once: true });
  shadow.append(frame);
  // Timings for the panel's `ledeTimings` (scripts/browser-bench.mjs reads them there); nothing is
  // recorded in the page. Times in ms; `*At` values are epoch ms (performance.timeOrigin + now()).
  // `snapshotMs`: the walk's main-thread time, all slices; `blockMs`: the longest stretch this script
  // held the page's main thread (the set-up with the first slice, or a later slice).
  const timing = {
    injectedAt: performance.timeOrigin + startedAt,
    snapshotMs: 0,
    blockMs: 0,
    slices: 0,
    sentAt: 0,
  };
  /** The live Text node behind each snapshot text node, once the walk is done. */
  let textNodes = [];
  let closed = false;
  /** Walking time per slice: the page gets its main thread back in between (a page of 200 000
   * elements takes hundreds of ms to walk; one task that long would freeze it). */
  const SLICE_MS = 12;
  // The compact snapshot (parallel arrays and one string, see snapshot.js) goes to the panel as it is:
  // no JSON text of node objects to build here, and none to parse in the wasm.
  const snapshotReady = new Promise((resolve) => {
    const walk = ledeSnapshot.walker(host);
    const slice = () => {
      if (closed) return; // a second click during the walk closed the panel
      const t = performance.now();
      const done = walk.step(t + SLICE_MS);
      timing.snapshotMs += performance.now() - t;
      timing.slices++;
      // The panel goes into the page after the first slice of the walk (all of it on most pages): the
      // browser then loads the panel document, its script and the wasm while the rest is walked and
      // sent, and the walk does not share this machine's cores with the panel's start.
      if (timing.slices === 1) {
        document.documentElement.append(host);
        if (inTopLayer) panelElement.showPopover();
      }
      if (timing.slices > 1) timing.blockMs = Math.max(timing.blockMs, performance.now() - t);
      if (!done) {
        // a private channel of this script (not window.postMessage): the next slice runs as a new
        // task, after what the page has queued meanwhile
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          slice();
        };
        channel.port2.postMessage(null);
        return;
      }
      const result = walk.result();
      textNodes = result.textNodes;
      oneStory(result);
      resolve(result.snapshot);
    };
    slice();
  });

  /** The document whose text the snapshot holds: this one, or a same-origin frame's ([`frameSnapshot`]). */
  let textDoc = document;
  /** Frames smaller than this (CSS px, each side) are ads, widgets and trackers, not an article. */
  const MIN_FRAME_PX = 200;
  /** A readable frame with less text than this (characters) holds no article. */
  const MIN_FRAME_TEXT = 500;

  /**
   * The page's frames as the panel needs them to decide where the article is: `readable`, same-origin
   * frames (and `srcdoc` ones) whose document this script can walk and which hold some text, the one
   * with the most text first; `unreadable`, how many frames of another origin take a real share of the
   * window (their documents are closed to us, as to the page).
   */
  function readFrames() {
    const readable = [];
    let unreadable = 0;
    for (const f of document.querySelectorAll('iframe, frame')) {
      const box = f.getBoundingClientRect();
      let doc = null;
      try {
        doc = f.contentDocument;
      } catch {
        doc = null;
      }
      if (doc?.body) {
        const length = doc.body.textContent.length;
        if (length >= MIN_FRAME_TEXT) readable.push({ doc, length });
      } else if (box.width >= MIN_FRAME_PX && box.height >= MIN_FRAME_PX && f.getAttribute('src')) {
        unreadable++;
      }
    }
    readable.sort((a, b) => b.length - a.length);
    return { readable, unreadable };
  }

  /** The snapshot of the readable frame with the most text (null when there is none); from then on the
   * highlights and scrolls address that frame's text. */
  function frameSnapshot() {
    const best = readFrames().readable[0];
    if (!best) return null;
    const { doc } = best;
    // a srcdoc or about:blank frame has no address of its own: the page's
    const url = /^https?:/.test(doc.URL) ? doc.URL : location.href;
    const result = ledeSnapshot.walker(host, doc, url);
    result.step(Infinity);
    const { snapshot, textNodes: nodes } = result.result();
    clearHighlights();
    textDoc = doc;
    textNodes = nodes;
    return snapshot;
  }

  /** The highlight registry and Highlight class of the document the snapshot holds (a frame's own). */
  function registry() {
    const win = textDoc.defaultView;
    return win?.CSS?.highlights ? { highlights: win.CSS.highlights, Highlight: win.Highlight } : null;
  }

  function clearHighlights() {
    const reg = registry();
    if (!reg) return;
    for (const name of [...Object.values(HIGHLIGHT_NAMES), FOCUS_HIGHLIGHT]) reg.highlights.delete(name);
  }

  /**
   * One article per summary: on a page of two or more whole stories in `<article>` elements (infinite
   * scroll loads the next story under the one being read), the snapshot keeps the story in view when
   * the toolbar was clicked (the one taking most of the window's height), else the canonical one (the
   * story naming the page's canonical address or its own in a `<link>`), else the first; the others are
   * marked hidden in the snapshot, so the analysis leaves them out and node ids stay as they are.
   * `Snapshot::one_article` applies the same rule, less the viewport, to any snapshot.
   */
  function oneStory({ snapshot, articles }) {
    const stories = [];
    let outerEnd = -1; // an article inside another is part of its story
    for (const a of articles) {
      if (a.start < outerEnd || (snapshot.shape[2 * a.start + 1] & 2) !== 0) continue;
      outerEnd = a.end;
      if (a.el.textContent.replace(/\s+/g, '').length >= MIN_STORY_CHARS) stories.push(a);
    }
    if (stories.length < 2) return;
    const shown = (a) => {
      const r = a.el.getBoundingClientRect();
      return Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0));
    };
    let keep = stories.reduce((best, a) => (shown(a) > shown(best) ? a : best));
    if (shown(keep) === 0) {
      const canonical = document.querySelector('link[rel~="canonical" i]')?.href ?? location.href;
      const key = (u) => u.replace(/^[a-z]+:\/\/(www\.)?/i, '').replace(/[?#].*$/, '').replace(/\/+$/, '');
      keep =
        stories.find((a) =>
          [...a.el.querySelectorAll('link[href], meta[content]')].some(
            (l) => key(l.href || l.content || '') === key(canonical),
          ),
        ) ?? stories[0];
    }
    for (const a of stories) {
      if (a === keep) continue;
      for (let i = a.start; i < a.end; i++) snapshot.shape[2 * i + 1] |= 2;
    }
  }

  /** Highlight groups as last sent by the panel, so toggles and page meddling can re-apply them. */
  let groups = {};
  const disabledTypes = new Set();
  let focusTimer = 0;
  let panelPort = null;
  let cssRequested = false;

  function styleShadow(root, css) {
    // Constructed stylesheets are not subject to the page's style-src CSP; some Firefox versions
    // refuse them in content scripts, where a <style> inside our own shadow root works instead.
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
    } catch {
      const style = htmlElement('style');
      style.textContent = css;
      root.append(style);
    }
  }

  function toRange([node, start, end]) {
    const text = textNodes[node];
    if (!text || !text.isConnected) return null;
    const len = text.length;
    const s = Math.min(Math.max(0, start | 0), len);
    const e = Math.min(Math.max(s, end | 0), len);
    if (s === e) return null;
    const r = text.ownerDocument.createRange();
    r.setStart(text, s);
    r.setEnd(text, e);
    return r;
  }

  const toRanges = (list) => (Array.isArray(list) ? list.map(toRange).filter(Boolean) : []);

  function applyHighlights() {
    const reg = registry();
    if (!reg) return;
    for (const [type, name] of Object.entries(HIGHLIGHT_NAMES)) {
      const ranges = disabledTypes.has(type) ? [] : toRanges(groups[type]);
      if (ranges.length) reg.highlights.set(name, new reg.Highlight(...ranges));
      else reg.highlights.delete(name);
    }
  }

  // Page scripts can delete or clear highlight entries (the registry is shared with the page), e.g.
  // a site that manages its own highlights with CSS.highlights.clear(). Re-apply ours when the reader
  // scrolls and they are gone; checking costs three lookups per frame.
  let recheckQueued = false;
  function recheckHighlights() {
    const reg = registry();
    if (recheckQueued || !reg) return;
    recheckQueued = true;
    requestAnimationFrame(() => {
      recheckQueued = false;
      const missing = Object.entries(HIGHLIGHT_NAMES).some(
        ([type, name]) => !disabledTypes.has(type) && groups[type]?.length && !reg.highlights.has(name),
      );
      if (missing) applyHighlights();
    });
  }

  function scrollTo(list) {
    const ranges = toRanges(list);
    if (!ranges.length) return;
    const first = ranges[0];
    // Bring the containing element into view first (it may sit in a scrolled container), then
    // centre the exact range in the window.
    first.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
    const rect = first.getBoundingClientRect();
    if (rect.height || rect.width) {
      // Centre in the part of the window the panel leaves free (the top half under a bottom sheet).
      const panel = frame.getBoundingClientRect();
      const sheet = panel.width >= window.innerWidth - 1 && panel.top > 0;
      const visible = sheet ? panel.top : window.innerHeight;
      window.scrollBy({ top: rect.top + rect.height / 2 - visible / 2, behavior: 'instant' });
    }
    const reg = registry();
    if (reg) {
      const focus = new reg.Highlight(...ranges);
      focus.priority = 1;
      reg.highlights.set(FOCUS_HIGHLIGHT, focus);
      clearTimeout(focusTimer);
      focusTimer = setTimeout(() => reg.highlights.delete(FOCUS_HIGHLIGHT), FOCUS_MS);
    }
  }

  function handlePanelMessage(msg) {
    switch (msg?.type) {
      case 'highlights':
        groups = msg.groups && typeof msg.groups === 'object' ? msg.groups : {};
        applyHighlights();
        if (!cssRequested && Object.values(groups).some((list) => Array.isArray(list) && list.length)) {
          // The background injects highlight.css now, after the panel has drawn (see background.js).
          // Not when there is nothing to paint (no entities, or a page too large to highlight: the
          // browser restyles every element of the page when ::highlight rules go in and come out).
          cssRequested = true;
          // (into the frames too when the snapshot is a frame's: its highlights paint there)
          Promise.resolve(
            api.runtime.sendMessage({ type: 'lede-opened', allFrames: textDoc !== document }),
          ).catch(() => {});
        }
        panelPort?.postMessage({
          type: 'highlightsApplied',
          at: performance.timeOrigin + performance.now(),
          postMs: timing.postMs, // how long posting the snapshot held the page's main thread
        });
        break;
      case 'toggleType':
        if (msg.on) disabledTypes.delete(msg.entityType);
        else disabledTypes.add(msg.entityType);
        applyHighlights();
        break;
      case 'scrollTo':
        scrollTo(msg.ranges);
        break;
      case 'collapse':
        frame.classList.toggle('collapsed', Boolean(msg.collapsed));
        break;
      case 'place':
        frame.classList.toggle('left', msg.side === 'left');
        break;
      case 'close':
        close();
        break;
      case 'frameSnapshot':
        // the panel found no article in the top document: the article may be in a frame
        panelPort?.postMessage({ type: 'frameSnapshot', snapshot: frameSnapshot() });
        break;
    }
  }

  function onConnect(port) {
    if (port.name !== 'lede' || port.sender?.id !== api.runtime.id || panelPort) {
      port.disconnect();
      return;
    }
    let trusted = false;
    port.onMessage.addListener((msg) => {
      if (!trusted) {
        if (msg?.type !== 'hello' || msg.nonce !== nonce) {
          port.disconnect();
          return;
        }
        trusted = true;
        panelPort = port;
        snapshotReady.then((snapshot) => {
          if (panelPort !== port) return;
          timing.sentAt = performance.timeOrigin + performance.now();
          const { readable, unreadable } = readFrames();
          const frames = { readable: readable.length, unreadable };
          port.postMessage({ type: 'snapshot', snapshot, timing, frames });
          timing.postMs = performance.timeOrigin + performance.now() - timing.sentAt;
        });
        return;
      }
      handlePanelMessage(msg);
    });
    port.onDisconnect.addListener(() => {
      if (panelPort === port) panelPort = null;
    });
  }

  function onKeyDown(e) {
    if (e.key === 'Escape' && !e.defaultPrevented) close();
  }

  function close() {
    closed = true;
    textNodes = [];
    api.runtime.onConnect.removeListener(onConnect);
    window.removeEventListener('keydown', onKeyDown, true);
    window.removeEventListener('scroll', recheckHighlights, true);
    clearTimeout(focusTimer);
    clearHighlights();
    try {
      panelPort?.disconnect();
    } catch {
      // already gone
    }
    const hadFocus = document.activeElement === panelElement;
    host.remove();
    delete globalThis.ledeState;
    // Give the keyboard back to what had it before the panel opened (when the panel still has it).
    if (hadFocus && previousFocus?.isConnected && previousFocus !== document.body) {
      previousFocus.focus({ preventScroll: true });
    } else if (hadFocus) {
      window.focus();
    }
    // Let the background take highlight.css out again (the page is as it was before the click).
    if (cssRequested) {
      Promise.resolve(
        api.runtime.sendMessage({ type: 'lede-closed', allFrames: textDoc !== document }),
      ).catch(() => {});
    }
  }

  api.runtime.onConnect.addListener(onConnect);
  window.addEventListener('keydown', onKeyDown, true);
  window.addEventListener('scroll', recheckHighlights, { capture: true, passive: true });
  globalThis.ledeState = { close };
  timing.blockMs = Math.max(timing.blockMs, performance.now() - startedAt);
})();
