// End-to-end: the real extension in Chromium on the bundled sample article, with and without a
// strict page CSP. Run `scripts/build-extension.sh` first, then `npm run test:e2e`.
//
// Checks the mechanics (toolbar click → panel iframe → Rust render, highlights, Copy, toggling,
// Esc, the page's DOM untouched, the closed shadow root) and the summary content the panel shows.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it as nodeIt } from 'node:test';
import {
  ROOT,
  TEST_TIMEOUT_MS,
  hasPanelHost,
  launchWithExtension,
  openPanel as openPanelOf,
  serve,
  triggerAction,
  withTimeout,
} from './helpers.mjs';

/** Every test gets a time limit: one stuck browser call fails its test, not the whole run. */
const it = (name, fn) => nodeIt(name, { timeout: TEST_TIMEOUT_MS }, fn);

const SAMPLE = fs.readFileSync(path.join(ROOT, 'tests/fixtures/sample/xi-putin-summit.html'));
const HEADLINE = 'Xi-Putin summit yields united stand on Taiwan and Nato';
const BULLETS = [
  'China and Russia voice opposition to expansion of US-led security alliance in Europe',
  'Both countries take joint aim at Aukus and Taiwanese independence in any form',
];
const SPEAKERS = ['Vladimir Putin', 'Xi Jinping'];
const ENTITIES = ['Xi Jinping', 'Vladimir Putin', 'Nato', 'Taiwan'];

const INDEX_PAGE = `<!doctype html><html lang="en"><head><title>Example News — Home</title></head>
<body><nav><a href="/a">World</a> <a href="/b">Business</a></nav><ul>
<li><a href="/1">Markets rally as rates hold</a></li><li><a href="/2">Storm hits coast</a></li>
</ul></body></html>`;

/** A page stylesheet aimed at inline markup (issue 5): highlights are not elements, so it cannot hide or
 * move them; the page keeps its own look. */
const HOSTILE_CSS = '<style>span{display:block!important} a span{display:none!important}</style>';

const PAGES = {
  'hostile page stylesheet': {
    path: '/hostile-css.html',
    headers: {},
    body: Buffer.from(SAMPLE.toString('utf8').replace('</head>', `${HOSTILE_CSS}</head>`)),
  },
  'no CSP': { path: '/plain.html', headers: {} },
  "CSP default-src 'none'": {
    path: '/strict.html',
    headers: { 'content-security-policy': "default-src 'none'" },
  },
};

let browser;
let server;

before(async () => {
  server = await serve({
    ...Object.fromEntries(Object.values(PAGES).map((p) => [p.path, { body: p.body ?? SAMPLE, headers: p.headers }])),
    '/index.html': { body: INDEX_PAGE, headers: {} },
    '/no-clipboard.html': { body: SAMPLE, headers: { 'permissions-policy': 'clipboard-write=()' } },
  });
  // news.test resolves to the local server: a plain-http page that is *not* a secure context
  // (127.0.0.1 is one), where e.g. crypto.randomUUID does not exist.
  browser = await launchWithExtension({ extraArgs: ['--host-resolver-rules=MAP news.test 127.0.0.1'] });
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const pageDom = (page) =>
  page.evaluate(() => ({
    head: document.head.innerHTML,
    body: document.body.innerHTML,
    htmlChildren: document.documentElement.children.length,
  }));

/**
 * Press Esc and wait for the panel to go. Esc tears down the focused iframe, and the browser then
 * occasionally never acknowledges the key event (seen about once in 20 runs: the CDP input call hangs),
 * so the key press gets a time limit and only the outcome (the panel closed) is asserted.
 */
async function pressEscapeAndWaitForClose(page) {
  const key = withTimeout(page.keyboard.press('Escape'), 5000, 'Escape key press').catch(() => {});
  await page.waitForFunction(() => !document.querySelector('html > lede-panel'));
  await key;
}

const openPanel = (page) => openPanelOf(browser, page);

for (const [name, spec] of Object.entries(PAGES)) {
  describe(`sample article, ${name}`, () => {
    let page;
    let frame;
    let domBefore;

    before(async () => {
      page = await browser.context.newPage();
      await page.goto(server.origin + spec.path);
      domBefore = await pageDom(page);
      frame = await openPanel(page);
    });

    after(async () => {
      await page?.close();
    });

    it('mounts the panel in a closed shadow root on <html> without touching the page DOM', async () => {
      assert.equal(await frame.getAttribute('.lede', 'data-state'), 'ready');
      const host = await page.evaluate(() => {
        const h = document.documentElement.lastElementChild;
        return { tag: h.localName, shadowRoot: h.shadowRoot };
      });
      assert.deepEqual(host, { tag: 'lede-panel', shadowRoot: null });
      const after = await pageDom(page);
      assert.equal(after.head, domBefore.head, 'head changed');
      assert.equal(after.body, domBefore.body, 'body changed');
      assert.equal(after.htmlChildren, domBefore.htmlChildren + 1, 'only the host is added to <html>');
    });

    it('shows the headline, both bullets, attributed quotes and the main entities', async () => {
      assert.equal((await frame.textContent('.headline')).trim(), HEADLINE);
      const bullets = (await frame.$$eval('.bullet-list li', (els) => els.map((e) => e.textContent.trim())));
      assert.deepEqual(bullets, BULLETS);
      const speakers = await frame.$$eval('.quote .q-by', (els) => els.map((e) => e.textContent));
      for (const s of SPEAKERS) assert.ok(speakers.includes(`— ${s}`), `no quote by ${s}: ${speakers}`);
      const entities = await frame.$$eval('.chip .name', (els) => els.map((e) => e.textContent));
      for (const e of ENTITIES) assert.ok(entities.includes(e), `entity ${e} missing: ${entities}`);
    });

    it('highlights people in the page through the CSS Custom Highlight API', async () => {
      const size = await page.evaluate(() =>
        CSS.highlights.has('lede-person') ? CSS.highlights.get('lede-person').size : 0,
      );
      assert.ok(size > 0, 'no lede-person highlight ranges in the page');
      // The per-type switch removes and restores that type's highlights.
      const personSwitch = frame.locator('.entity-group.person .switch');
      await personSwitch.click();
      await page.waitForFunction(() => !CSS.highlights.has('lede-person'));
      await personSwitch.click();
      await page.waitForFunction(() => CSS.highlights.has('lede-person'));
      // A page that clears the (shared) registry gets ours back on the next scroll.
      await page.evaluate(() => CSS.highlights.clear());
      await page.evaluate(() => window.scrollBy(0, 200));
      await page.waitForFunction(() => CSS.highlights.has('lede-person'));
    });

    it('scrolls to an entity mention and flashes it', async () => {
      await frame.locator('button.chip').first().click();
      await page.waitForFunction(() => CSS.highlights.has('lede-focus'), null, { timeout: 3000 });
    });

    it('copies the summary as Markdown', async () => {
      await frame.locator('button[data-act="copy"]').click();
      await frame.waitForSelector('.toast.shown');
      await page.bringToFront();
      const text = await page.evaluate(() => navigator.clipboard.readText());
      assert.ok(text.startsWith(`# ${HEADLINE}`), `clipboard: ${text.slice(0, 200)}`);
      for (const b of BULLETS) assert.ok(text.includes(`- ${b}`), `bullet missing from clipboard: ${b}`);
    });

    it('collapses to the header bar and expands again', async () => {
      const full = await frame.evaluate(() => innerHeight);
      assert.ok(full > (await page.evaluate(() => innerHeight)) / 2, 'panel is not full height');
      const collapse = frame.locator('button[data-act="collapse"]');
      await collapse.click();
      await frame.waitForFunction(() => innerHeight <= 44);
      assert.equal(await collapse.textContent(), 'Expand');
      assert.equal(await collapse.getAttribute('aria-expanded'), 'false');
      await collapse.click();
      await frame.waitForFunction((h) => innerHeight === h, full);
      assert.equal(await collapse.textContent(), 'Collapse');
    });

    it('toggles off on a second click and closes on Esc, leaving the DOM as it was', async () => {
      const personStyle = () =>
        page.evaluate(() => getComputedStyle(document.body, '::highlight(lede-person)').backgroundColor);
      const unstyled = 'rgba(0, 0, 0, 0)';
      assert.notEqual(await personStyle(), unstyled, 'highlight.css is not in the page');
      await triggerAction(browser.context, page, browser.extensionId);
      await page.waitForFunction(() => !document.querySelector('html > lede-panel'));
      assert.equal(await page.evaluate(() => CSS.highlights.size), 0, 'highlights left behind');
      await page.waitForFunction(
        (u) => getComputedStyle(document.body, '::highlight(lede-person)').backgroundColor === u,
        unstyled,
      );

      frame = await openPanel(page);
      assert.ok(await hasPanelHost(page));
      await page.locator('h1').click(); // focus the page, not the panel
      await pressEscapeAndWaitForClose(page);

      frame = await openPanel(page);
      await frame.locator('.bar').click(); // focus inside the panel: its own Esc handler
      await pressEscapeAndWaitForClose(page);

      const after = await pageDom(page);
      assert.deepEqual(after, domBefore);
    });
  });
}

describe('pages without an article, and failures', () => {
  it('says so when the page holds no article', async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`${server.origin}/index.html`);
      const frame = await openPanel(page);
      assert.equal(await frame.getAttribute('.lede', 'data-state'), 'ready');
      assert.match(await frame.textContent('.notice'), /No article/i);
      assert.equal(await frame.locator('.bullet-list, .quote-list, .chips').count(), 0);
    } finally {
      await page.close();
    }
  });

  it('works on a plain-http page that is not a secure context', async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(server.origin.replace('127.0.0.1', 'news.test') + PAGES['no CSP'].path);
      assert.equal(await page.evaluate(() => isSecureContext), false);
      const frame = await openPanel(page);
      assert.equal(await frame.getAttribute('.lede', 'data-state'), 'ready');
      await page.waitForFunction(() => CSS.highlights.has('lede-person'));
    } finally {
      await page.close();
    }
  });

  it('still copies when the page forbids clipboard-write (execCommand fallback)', async () => {
    // The clipboard is read and reset from another page of the same origin: this one may not use it.
    const reader = await browser.context.newPage();
    const page = await browser.context.newPage();
    try {
      await reader.goto(`${server.origin}/index.html`);
      await reader.evaluate(() => navigator.clipboard.writeText('before'));
      await page.goto(`${server.origin}/no-clipboard.html`);
      const frame = await openPanel(page);
      await frame.locator('button[data-act="copy"]').click();
      await frame.waitForSelector('.toast.shown');
      assert.equal(await frame.textContent('.toast'), 'Summary copied as Markdown');
      await reader.bringToFront();
      const text = await reader.evaluate(() => navigator.clipboard.readText());
      assert.ok(text.startsWith(`# ${HEADLINE}`), `clipboard: ${text.slice(0, 200)}`);
    } finally {
      await page.close();
      await reader.close();
    }
  });

  it('shows a readable error, not a broken panel, on a bad snapshot', async () => {
    // The panel page opened on its own has no content script to talk to: it must say so.
    const page = await browser.context.newPage();
    try {
      await page.goto(`chrome-extension://${browser.extensionId}/panel.html?nonce=x`);
      await page.waitForSelector('.notice.error');
      assert.match(await page.textContent('.notice.error'), /could not read this page/);
      // And the Rust side renders its own error view for a malformed snapshot (node 1's parent, 7
      // back, does not exist).
      const result = await page.evaluate(async () => {
        const lede = await import('./pkg/lede.js');
        await lede.default();
        const root = document.createElement('div');
        const sent = [];
        try {
          const snapshot = { url: 'x', shape: [0, 0, 7, 1], text: 'html\0x\0', lens: [4, 1] };
          lede.mount(root, snapshot, (m) => sent.push(m));
          return { threw: false };
        } catch (e) {
          return {
            threw: true,
            error: String(e),
            state: root.dataset.state,
            notice: root.querySelector('.notice.error')?.textContent,
            close: root.querySelector('[data-act="close"]') !== null,
          };
        }
      });
      assert.equal(result.threw, true);
      assert.equal(result.state, 'error');
      assert.match(result.notice, /could not read this page \(bad snapshot/);
      assert.ok(result.close, 'the error view keeps a Close button');
    } finally {
      await page.close();
    }
  });
});
