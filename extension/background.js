// Lede background: Chromium runs this as the MV3 service worker, Firefox as `background.scripts`.
//
// Two jobs:
// 1. A toolbar click injects the highlight rules, `snapshot.js` and `content.js` into the active tab
//    (activeTab grants access for exactly that click). The content script toggles the panel; when it
//    closes, the highlight rules are removed again.
// 2. Firefox only: a framed extension page has no `tabs` API, so the panel connects here with
//    `runtime.connect({name: 'lede-relay:<tabId>'})` and this script pipes that port to the tab's top
//    frame. Chromium's panel connects to the tab directly and never uses the relay.

const api = globalThis.browser ?? globalThis.chrome;

/** The first executeScript right after a click sometimes fails ("Cannot access contents of the
 * page") in fresh Chromium profiles, and on a loaded machine a retry 100 ms later can fail too. Retry
 * after each of these delays, in ms, before telling the reader that the page cannot be read: 1.7 s in
 * all. */
const INJECT_RETRY_DELAYS_MS = [100, 400, 1200];

const RELAY_PREFIX = 'lede-relay:';
const HIGHLIGHT_CSS = 'highlight.css';

async function inject(tabId) {
  const target = { tabId }; // top frame only (the default)
  // Firefox's panel needs its tab id to reach the content script through the relay; the content
  // script puts it in the panel URL. Set it in the content scripts' isolated world, not the page.
  await api.scripting.executeScript({
    target,
    func: (id) => {
      globalThis.ledeTabId = id;
    },
    args: [tabId],
  });
  // The highlight rules come later, when the panel has its summary ('lede-opened'): a new
  // stylesheet restyles the whole page, which on a page of 200 000 elements takes seconds that
  // would otherwise delay the panel.
  await api.scripting.executeScript({ target, files: ['snapshot.js', 'content.js'] });
}

/** Say on the toolbar button (for this tab) that Lede cannot run here, and why; or clear it. */
function markUnsupported(tabId, why) {
  Promise.all([
    api.action.setBadgeText({ tabId, text: why ? '!' : '' }),
    api.action.setTitle({ tabId, title: why ? `Lede: ${why}` : api.runtime.getManifest().action.default_title }),
  ]).catch(() => {});
}

api.action.onClicked.addListener(async (tab) => {
  if (tab.id === undefined || tab.id < 0) return;
  markUnsupported(tab.id, null);
  for (let attempt = 0; ; attempt++) {
    try {
      await inject(tab.id);
      return;
    } catch (err) {
      if (attempt === INJECT_RETRY_DELAYS_MS.length) {
        // Restricted pages (the browser's own pages, the web store, PDF viewers) cannot be scripted.
        console.warn('Lede cannot run on this page:', err?.message ?? err);
        markUnsupported(tab.id, 'the browser does not let extensions read this page');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, INJECT_RETRY_DELAYS_MS[attempt]));
    }
  }
});

// The content script reports that the panel has its first highlights (put the highlight rules in)
// and that it closed (second click, Close, Esc: take them out again). activeTab still covers the
// tab until it navigates.
api.runtime.onMessage.addListener((msg, sender) => {
  if (msg?.type === 'lede-unsupported' && sender.id === api.runtime.id && sender.tab?.id) {
    markUnsupported(sender.tab.id, 'this document has no element to show the panel in: nothing to summarise');
    return;
  }
  if (msg?.type === 'lede-opened' && sender.id === api.runtime.id && sender.tab?.id) {
    api.scripting
      .insertCSS({ target: { tabId: sender.tab.id, allFrames: msg.allFrames === true }, files: [HIGHLIGHT_CSS] })
      .catch(() => {});
    return;
  }
  if (msg?.type !== 'lede-closed' || sender.id !== api.runtime.id || !sender.tab?.id) return;
  api.scripting
    .removeCSS({ target: { tabId: sender.tab.id, allFrames: msg.allFrames === true }, files: [HIGHLIGHT_CSS] })
    .catch(() => {});
});

api.runtime.onConnect.addListener((panelPort) => {
  if (!panelPort.name.startsWith(RELAY_PREFIX)) return;
  if (panelPort.sender?.id !== api.runtime.id) {
    panelPort.disconnect();
    return;
  }
  const tabId = Number(panelPort.name.slice(RELAY_PREFIX.length));
  if (!Number.isInteger(tabId) || tabId < 0) {
    panelPort.disconnect();
    return;
  }
  const tabPort = api.tabs.connect(tabId, { frameId: 0, name: 'lede' });
  panelPort.onMessage.addListener((msg) => tabPort.postMessage(msg));
  tabPort.onMessage.addListener((msg) => panelPort.postMessage(msg));
  panelPort.onDisconnect.addListener(() => tabPort.disconnect());
  tabPort.onDisconnect.addListener(() => panelPort.disconnect());
});

// Panel settings (copy format and sections, collapsed, side), kept in this extension's own
// IndexedDB. The panel cannot keep them itself: framed by a web page it is a third-party document,
// and Chromium denies it localStorage and IndexedDB. No `storage` permission is needed for this.
// Only the panel page may read or write them (not content scripts, which run beside page code).
const PREFS_STORE = 'prefs';

function openPrefs() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('lede', 1);
    req.onupgradeneeded = () => req.result.createObjectStore(PREFS_STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function prefs(op, value) {
  const db = await openPrefs();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(PREFS_STORE, op === 'get' ? 'readonly' : 'readwrite');
      const store = tx.objectStore(PREFS_STORE);
      const req = op === 'get' ? store.get('panel') : store.put(value, 'panel');
      tx.oncomplete = () => resolve(op === 'get' ? (req.result ?? {}) : true);
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (msg?.type !== 'lede-prefs' || sender.id !== api.runtime.id) return undefined;
  // The panel's URL is per-session random (use_dynamic_url), so check its scheme and path: a
  // content script's sender URL is the web page's.
  const from = URL.parse?.(sender.url ?? '') ?? null;
  const isPanel = from && /^(chrome|moz)-extension:$/.test(from.protocol) && from.pathname === '/panel.html';
  if (!isPanel) return undefined;
  const ok = msg.op === 'get' || (msg.op === 'set' && msg.prefs && typeof msg.prefs === 'object');
  if (!ok) return undefined;
  prefs(msg.op, msg.op === 'set' ? JSON.parse(JSON.stringify(msg.prefs)) : undefined)
    .then(sendResponse, () => sendResponse(msg.op === 'get' ? {} : false));
  return true; // answered asynchronously
});
