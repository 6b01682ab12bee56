// Firefox smoke test: the same extension, installed as a temporary add-on in Firefox ESR through
// geckodriver (WebDriver), on the bundled sample article with and without a strict page CSP.
//
// Firefox differs where it matters: `background.scripts` instead of a service worker, no `tabs` API in
// the framed panel (messages go through the background relay), `browser.*` promises. The test clicks
// the toolbar button from the privileged (chrome) context, then checks from the page that the whole
// chain ran: snapshot → relay → wasm panel → highlights painted, page DOM unchanged; a second click
// closes the panel.
//
// Skipped unless both are installed: `apt-get install firefox-esr` and
// `cargo install geckodriver --locked` (or set FIREFOX / GECKODRIVER).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it as nodeIt } from 'node:test';
import { EXTENSION_DIR, ROOT, assertBuilt, serve, TEST_TIMEOUT_MS } from './helpers.mjs';

/** Every test gets a time limit: one stuck browser call fails its test, not the whole run. */
const it = (name, fn) => nodeIt(name, { timeout: TEST_TIMEOUT_MS }, fn);

const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const GECKODRIVER = process.env.GECKODRIVER ?? path.join(os.homedir(), '.cargo/bin/geckodriver');
const missing = [FIREFOX, GECKODRIVER].filter((f) => !fs.existsSync(f));
const skip = missing.length ? `not installed: ${missing.join(', ')}` : false;

const SAMPLE = fs.readFileSync(path.join(ROOT, 'tests/fixtures/sample/xi-putin-summit.html'));
const PAGES = {
  'no CSP': { path: '/plain.html', headers: {} },
  "CSP default-src 'none'": {
    path: '/strict.html',
    headers: { 'content-security-policy': "default-src 'none'" },
  },
};

/** Run in the chrome context: press the extension's toolbar button in the current window. */
const CLICK_ACTION = `
  const [id] = arguments;
  const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
  const extension = ExtensionParent.GlobalManager.getExtension(id);
  ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
`;

const freePort = () =>
  new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

let driver;
let base;
let session;
let server;

async function wd(method, route, body) {
  const res = await fetch(`${base}/session/${session}${route}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${route}: ${JSON.stringify(json.value)}`);
  return json.value;
}

const exec = (script, args = []) => wd('POST', '/execute/sync', { script, args });

async function waitFor(script, { timeout = 10000, args = [] } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await exec(script, args);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${script}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function clickAction(addonId) {
  await wd('POST', '/moz/context', { context: 'chrome' });
  try {
    await exec(CLICK_ACTION, [addonId]);
  } finally {
    await wd('POST', '/moz/context', { context: 'content' });
  }
}

describe('Firefox ESR', { skip }, () => {
  let addonId;

  before(async () => {
    assertBuilt();
    server = await serve(
      Object.fromEntries(Object.values(PAGES).map((p) => [p.path, { body: SAMPLE, headers: p.headers }])),
    );
    const port = await freePort();
    driver = spawn(GECKODRIVER, ['--port', String(port), '--allow-system-access'], { stdio: 'ignore' });
    base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
      try {
        await fetch(`${base}/status`);
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const res = await fetch(`${base}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        capabilities: {
          alwaysMatch: {
            browserName: 'firefox',
            'moz:firefoxOptions': { binary: FIREFOX, args: ['-headless'] },
            'moz:debuggerAddress': false,
          },
        },
      }),
    });
    const created = await res.json();
    if (!res.ok) throw new Error(`geckodriver: ${JSON.stringify(created.value)}`);
    session = created.value.sessionId;
    await wd('POST', '/window/rect', { width: 1280, height: 900 });
    addonId = await wd('POST', '/moz/addon/install', { path: EXTENSION_DIR, temporary: true });
  });

  after(async () => {
    if (session) await wd('DELETE', '').catch(() => {});
    driver?.kill();
    await server?.close();
  });

  for (const [name, spec] of Object.entries(PAGES)) {
    it(`summarises the sample article (${name}) and leaves the DOM unchanged`, async () => {
      await wd('POST', '/url', { url: server.origin + spec.path });
      const dom = 'return [document.head.innerHTML, document.body.innerHTML]';
      const before = await exec(dom);
      await clickAction(addonId);
      await waitFor("return document.documentElement.lastElementChild.localName === 'lede-panel'");
      assert.equal(await exec('return document.documentElement.lastElementChild.shadowRoot'), null);
      const people = await waitFor(
        "return CSS.highlights.has('lede-person') && CSS.highlights.get('lede-person').size",
        { timeout: 15000 },
      );
      assert.ok(people > 0);
      const names = await exec(
        "return [...CSS.highlights.get('lede-person')].map((r) => r.toString())",
      );
      assert.ok(names.includes('Xi Jinping') && names.includes('Vladimir Putin'), names.join(', '));
      assert.deepEqual(await exec(dom), before);
      if (process.env.LEDE_FIREFOX_SCREENSHOT) {
        const png = await wd('GET', '/screenshot');
        fs.writeFileSync(process.env.LEDE_FIREFOX_SCREENSHOT, Buffer.from(png, 'base64'));
      }
      await clickAction(addonId);
      await waitFor("return !document.querySelector('html > lede-panel')");
      assert.equal(await exec('return CSS.highlights.size'), 0);
      assert.deepEqual(await exec(dom), before);
    });
  }
});
