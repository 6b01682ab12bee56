// Shared set-up for the end-to-end tests: Chromium with the unpacked extension, a local page server,
// and a real toolbar-button click.
//
// Needs the built extension (`scripts/build-extension.sh`) and `npm ci` (playwright-core drives the
// system Chromium at /usr/bin/chromium; no Playwright browser download).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION_DIR = path.join(ROOT, 'extension');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export function assertBuilt() {
  const wasm = path.join(EXTENSION_DIR, 'pkg', 'lede_bg.wasm');
  if (!fs.existsSync(wasm)) {
    throw new Error(`${wasm} is missing: run scripts/build-extension.sh first`);
  }
}

/**
 * Launch Chromium with the extension in a fresh profile.
 * @returns {Promise<{context, extensionId: string, close: () => Promise<void>}>}
 */
export async function launchWithExtension({
  viewport = { width: 1280, height: 800 },
  extraArgs = [],
  ...options
} = {}) {
  assertBuilt();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lede-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--enable-unsafe-extension-debugging',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
    ...options,
  });
  context.setDefaultTimeout(10000);
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  const extensionId = new URL(worker.url()).host;
  await backgroundListening(worker);
  return {
    context,
    extensionId,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Wait until the background script has run far enough to listen for toolbar clicks. Playwright reports
 * the service worker before its script has been evaluated, and a freshly installed extension has no
 * listeners registered yet, so Chromium drops a click that arrives in those first milliseconds (the
 * first test of a file then saw no panel, about one launch in eight). A reader cannot click that soon
 * after installing; only a test can.
 */
async function backgroundListening(worker, timeout = 15000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const listening = await worker
      .evaluate(() => (globalThis.browser ?? globalThis.chrome).action.onClicked.hasListeners())
      .catch(() => false);
    if (listening) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the extension background never listened for toolbar clicks');
}

/**
 * Serve fixed routes on 127.0.0.1 (random port). `routes[path] = {body, headers}`.
 * @returns {Promise<{origin: string, close: () => Promise<void>}>}
 */
export async function serve(routes) {
  const server = http.createServer((req, res) => {
    const route = routes[new URL(req.url, 'http://x').pathname];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...route.headers });
    res.end(route.body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * Click the extension's toolbar button for `page`'s tab, as a user would: CDP
 * `Extensions.triggerAction` on the *tab* target (it refuses page targets). Grants activeTab.
 */
export async function triggerAction(context, page, extensionId) {
  return withTimeout(triggerActionOnce(context, page, extensionId), 10000, 'Extensions.triggerAction');
}

/** One browser CDP session per context, kept open: opening a browser session holds the main thread
 * of every open page for a while (0.4-0.5 s on the 200 000-element page of the safety test), which a
 * fresh session per click would add to the time Lede seems to take. */
const browserSessions = new WeakMap();

function browserSession(context) {
  let session = browserSessions.get(context);
  if (!session) {
    session = context.browser().newBrowserCDPSession();
    browserSessions.set(context, session);
    // a session that failed to open or has closed (a crashed browser process) is not reused
    session.then(
      (s) => s.once('close', () => browserSessions.delete(context)),
      () => browserSessions.delete(context),
    );
  }
  return session;
}

async function triggerActionOnce(context, page, extensionId) {
  const cdp = await browserSession(context);
  const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
  const url = page.url();
  const tab = targetInfos.find((t) => t.url === url) ?? targetInfos.find((t) => t.url.startsWith(url));
  if (!tab) throw new Error(`no tab target for ${url}: ${JSON.stringify(targetInfos)}`);
  await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
}

/** Reject after `ms` instead of hanging: raw CDP calls and page.evaluate have no timeout of their own. */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Per-test limit for node:test, so one stuck browser call fails its test instead of the run. */
export const TEST_TIMEOUT_MS = 60000;

/**
 * The panel iframe's Frame, once it has loaded: a frame of the extension (of `extensionId`'s panel
 * page when given, so not another extension's such as the browser's PDF viewer) that is not detached
 * and not in `stale`. Pass `stale = new Set(page.frames())` from before the click that opens the panel:
 * the panel's iframe is out-of-process, so a closed panel's frame can stay in page.frames() for a moment
 * after its host has left the DOM, and picking it fails later with "Frame was detached".
 */
export async function panelFrame(page, { timeout = 20000, stale = new Set(), extensionId } = {}) {
  const prefix = extensionId ? `chrome-extension://${extensionId}/panel.html` : 'chrome-extension://';
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const frame = page.frames().find((f) => !stale.has(f) && !f.isDetached() && f.url().startsWith(prefix));
    if (frame) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error('the Lede panel iframe did not appear');
}

/**
 * Click the toolbar button of `browser` (from launchWithExtension) on `page` and wait until the new
 * panel has answered (its root has a `data-state`); returns the panel's Frame.
 */
export async function openPanel(browser, page) {
  const stale = new Set(page.frames()); // a frame of the last panel must not pass for the new one
  await triggerAction(browser.context, page, browser.extensionId);
  const frame = await panelFrame(page, { stale });
  await frame.waitForSelector('.lede[data-state]', { timeout: 10000 });
  return frame;
}

/** True while the Lede host element is attached to the page. */
export function hasPanelHost(page) {
  return page.evaluate(() => document.querySelector('html > lede-panel') !== null);
}

/**
 * The node objects of a snapshot's compact form (`{url, shape, text, lens}`, built by
 * extension/snapshot.js, read by `Snapshot::from_wire`), as `lede --snapshot` writes them: no
 * `parent` on the root, `attrs` only when there are some, `visible` only when false, `text` only on
 * text nodes. For the tests' assertions and messages; the extension never decodes it in JS.
 */
export function decodeWire({ url, shape, text, lens }) {
  let at = 0;
  let k = 0;
  const next = () => {
    const s = text.slice(at, at + lens[k]);
    at += lens[k++] + 1; // and the NUL after it
    return s;
  };
  const nodes = [];
  for (let i = 0; i < shape.length / 2; i++) {
    const [gap, flags] = [shape[2 * i], shape[2 * i + 1]];
    const n = {};
    if (gap) n.parent = i - gap;
    if (flags & 1) {
      n.text = next();
    } else {
      n.tag = next();
      const count = flags >> 2;
      if (count) {
        n.attrs = {};
        for (let a = 0; a < count; a++) {
          const name = next();
          n.attrs[name] = next();
        }
      }
    }
    if (flags & 2) n.visible = false;
    nodes.push(n);
  }
  return { url, nodes };
}
