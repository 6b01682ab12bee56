// Lede panel page (an extension page framed by the content script).
//
// Connects to the content script, receives the page snapshot (its compact form, see snapshot.js) and
// hands it to the Rust core (`mount` in src/web.rs), which analyses it and renders the panel. This file only carries messages:
// the Rust side calls `send(msg)`; `copy` (the clipboard belongs to this document) and
// `savePrefs` (to the background) are handled here, everything else goes to the content script over the port.
//
// Settings (copy format and sections, collapsed, side) are kept by the background in the extension's
// own IndexedDB: no `storage` permission, nothing synced, nothing the page can read.
import init, { mount, warm_up as warmUp } from './pkg/lede.js';

const api = globalThis.browser ?? globalThis.chrome;
const params = new URLSearchParams(location.search);
const nonce = params.get('nonce') ?? '';
const tabParam = Number(params.get('tab'));

/** What the panel says when the page itself holds no article but a frame of another site may. */
const FRAME_UNREADABLE =
  'No article in this page itself. It may be in a frame from another site, which Lede cannot read: ' +
  "open the frame's page in its own tab to summarise it.";

/** How long to wait for the snapshot before telling the reader something is wrong. */
const SNAPSHOT_TIMEOUT_MS = 8000;
const TOAST_MS = 1600;
/** The background answers from its IndexedDB in a few ms; past this the panel uses defaults. */
const PREFS_TIMEOUT_MS = 1500;

/** The reader's saved settings, from the background (a framed extension page has no storage of its
 * own in Chromium: it is third-party to the page). Defaults on any failure. */
function loadPrefs() {
  const timeout = new Promise((resolve) => setTimeout(() => resolve({}), PREFS_TIMEOUT_MS));
  const saved = Promise.resolve(api.runtime.sendMessage({ type: 'lede-prefs', op: 'get' }))
    .then((p) => (p && typeof p === 'object' ? p : {}))
    .catch(() => ({}));
  return Promise.race([saved, timeout]);
}

function savePrefs(prefs) {
  Promise.resolve(api.runtime.sendMessage({ type: 'lede-prefs', op: 'set', prefs: prefs ?? {} })).catch(
    () => {}, // not saved: the panel still works
  );
}

let app = document.getElementById('app');
const toast = document.getElementById('toast');
let port = null;
let toastTimer = 0;

function showToast(text) {
  toast.textContent = text;
  toast.classList.add('shown');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => toast.classList.remove('shown'), TOAST_MS);
}

/** A plain failure view (text only) for when the Rust panel cannot be shown at all. */
function showFailure(text) {
  const bar = document.createElement('div');
  bar.className = 'bar';
  const logo = document.createElement('span');
  logo.className = 'logo';
  logo.textContent = 'Lede';
  const spacer = document.createElement('span');
  spacer.className = 'spacer';
  const close = document.createElement('button');
  close.className = 'icon';
  close.type = 'button';
  close.title = 'Close (Esc)';
  close.setAttribute('aria-label', 'Close');
  close.textContent = '×';
  close.addEventListener('click', () => send({ type: 'close' }));
  bar.append(logo, spacer, close);
  const msg = document.createElement('p');
  msg.className = 'notice error';
  msg.textContent = text;
  app.replaceChildren(bar, msg);
  close.focus();
}

/** The legacy path: a copy command whose event we fill with every flavour. Works from a click even
 * where the async clipboard is blocked (a page's `Permissions-Policy: clipboard-write=()`). */
function copyWithCommand(text, html) {
  const onCopy = (e) => {
    e.preventDefault();
    e.clipboardData.setData('text/plain', text);
    if (html) e.clipboardData.setData('text/html', html);
  };
  document.addEventListener('copy', onCopy, true);
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.tabIndex = -1;
  area.className = 'offscreen';
  const focused = document.activeElement;
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', onCopy, true);
    area.remove();
    focused?.focus?.();
  }
}

/** Put `text` (and `html`, when given, as rich text beside it) on the clipboard. */
async function copy(text, html) {
  try {
    if (html && globalThis.ClipboardItem) {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([text], { type: 'text/plain' }),
          'text/html': new Blob([html], { type: 'text/html' }),
        }),
      ]);
    } else {
      await navigator.clipboard.writeText(text);
    }
    return true;
  } catch {
    return copyWithCommand(text, html);
  }
}

function send(msg) {
  if (msg?.type === 'copy') {
    const html = typeof msg.html === 'string' ? msg.html : null;
    copy(String(msg.text ?? ''), html).then((ok) =>
      showToast(ok ? `Summary copied as ${msg.label ?? 'text'}` : 'Copy failed'),
    );
    return;
  }
  if (msg?.type === 'savePrefs') {
    savePrefs(msg.prefs);
    return;
  }
  if (port) port.postMessage(msg);
}

function connect() {
  if (api.tabs?.getCurrent && api.tabs?.connect) {
    // Chromium: a framed extension page may use tabs; talk to the tab's top frame directly.
    return api.tabs.getCurrent().then((tab) => api.tabs.connect(tab.id, { frameId: 0, name: 'lede' }));
  }
  // Firefox: no tabs API in a framed extension page; the background relays to the tab from the URL.
  if (!Number.isInteger(tabParam)) return Promise.reject(new Error('no tab id'));
  return Promise.resolve(api.runtime.connect({ name: `lede-relay:${tabParam}` }));
}

/**
 * Where the time went, for scripts/browser-bench.mjs (ms; `*At` are epoch ms, performance.timeOrigin +
 * now(), comparable across the page and this document): the content script's `injectedAt` (it
 * started), `snapshotMs` (the walk, all its slices), `slices`, `blockMs` (the longest stretch it held
 * the page's main thread), `sentAt` and `postMs` (posting the snapshot); here
 * `panelAt` (this script started), `wasmAt` (wasm compiled and instantiated), `warmUpMs` (the warm-up
 * analysis, when the snapshot was not in yet), `prefsAt`,
 * `connectedAt` (port to the content script open), `receivedAt` (snapshot in), `analyseMs` and
 * `renderMs` from `mount`; `paintAt`, the first frame after the panel rendered; `highlightsAt`, when
 * the content script registered the highlights.
 */
const timings = (globalThis.ledeTimings = {});
const epochNow = () => performance.timeOrigin + performance.now();

/** What the content script said of the page's frames (`readable`, `unreadable`: counts). */
let frames = {};
/** Resolves the pending request for a frame's snapshot. */
let frameReply = null;

/** The snapshot of the page's readable frame with the most text, or null (none, or no answer). */
function requestFrameSnapshot() {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), SNAPSHOT_TIMEOUT_MS);
    frameReply = (snapshot) => {
      clearTimeout(timer);
      frameReply = null;
      resolve(snapshot && typeof snapshot === 'object' ? snapshot : null);
    };
    send({ type: 'frameSnapshot' });
  });
}

/**
 * A page with frames: the panel is rendered off-screen first (a copy of #app, which `mount` fills and
 * takes events on) and shown only once it is the one to keep. When the top document holds no article,
 * the panel asks for the snapshot of the readable (same-origin or srcdoc) frame with the most text and
 * shows that frame's article; when there is none, and a frame of another site fills part of the window,
 * the panel says plainly that the article may be in a frame Lede cannot read.
 */
async function mountWithFrames(snap, saved) {
  const render = (snapshot) => {
    const root = app.cloneNode(false);
    const summary = mount(root, snapshot, send, saved);
    return { root, summary };
  };
  let shown = render(snap);
  if (!shown.summary?.article_found && (frames.readable | 0) > 0) {
    const frameSnap = await requestFrameSnapshot();
    const inFrame = frameSnap && render(frameSnap);
    if (inFrame?.summary?.article_found) shown = inFrame;
  }
  if (!shown.summary?.article_found && (frames.unreadable | 0) > 0) {
    const notice = shown.root.querySelector('.notice');
    if (notice) notice.textContent = FRAME_UNREADABLE;
  }
  app.replaceWith(shown.root);
  app = shown.root;
  globalThis.ledeSummary = shown.summary;
  // `mount` moves focus into the panel; it could not while the panel was off-screen
  shown.root.querySelector('button')?.focus();
}

async function start() {
  timings.panelAt = epochNow();
  // boot.js started compiling the wasm while this module graph loaded.
  const wasmReady = Promise.resolve(globalThis.ledeWasm)
    .then((compiled) => init(compiled ? { module_or_path: compiled } : undefined))
    .then(() => {
      timings.wasmAt = epochNow();
      // Still waiting for the page: analyse a small built-in article meanwhile, so that the engine's
      // first-call compiling and the word sets are done before the page's analysis (`warmUpMs`).
      if (timings.receivedAt === undefined) {
        const t = performance.now();
        try {
          warmUp();
        } catch (err) {
          console.error('Lede warm-up:', err); // the page's own analysis still runs
        }
        timings.warmUpMs = performance.now() - t;
      }
    });
  const prefs = loadPrefs().then((p) => ((timings.prefsAt = epochNow()), p));
  port = await connect();
  timings.connectedAt = epochNow();
  const snapshot = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), SNAPSHOT_TIMEOUT_MS);
    port.onMessage.addListener((msg) => {
      if (msg?.type === 'snapshot' && msg.snapshot && typeof msg.snapshot === 'object') {
        timings.receivedAt = epochNow();
        Object.assign(timings, msg.timing);
        frames = msg.frames && typeof msg.frames === 'object' ? msg.frames : {};
        clearTimeout(timer);
        resolve(msg.snapshot);
      }
    });
    port.onDisconnect.addListener(() => {
      port = null;
      reject(new Error('disconnected'));
    });
  });
  port.onMessage.addListener((msg) => {
    if (msg?.type === 'frameSnapshot') frameReply?.(msg.snapshot);
    if (msg?.type === 'highlightsApplied') {
      timings.postMs = msg.postMs;
      timings.highlightsAt = msg.at;
    }
  });
  port.postMessage({ type: 'hello', nonce });
  const [snap, , saved] = await Promise.all([snapshot, wasmReady, prefs]);
  const t0 = performance.now();
  // `mount` renders the panel (or a readable error inside it) and returns the Summary for debugging.
  if ((frames.readable | 0) > 0 || (frames.unreadable | 0) > 0) {
    await mountWithFrames(snap, saved);
  } else {
    globalThis.ledeSummary = mount(app, snap, send, saved);
  }
  globalThis.ledeMountMs = performance.now() - t0;
  requestAnimationFrame(() => setTimeout(() => (timings.paintAt = epochNow())));
}

// Esc closes the panel unless the Rust side spent it (closing the copy options first).
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && !e.defaultPrevented) send({ type: 'close' });
});

start().catch((err) => {
  console.error('Lede:', err);
  if (app.dataset.state === 'error') return; // Rust already rendered its own error view
  showFailure(
    `Lede could not read this page (${err?.message ?? err}). Reload the page and try again.`,
  );
});
