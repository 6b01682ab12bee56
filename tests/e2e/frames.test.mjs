// End-to-end: an article inside a frame (issue 22). When the top document holds no article, the panel
// reads the same-origin or srcdoc frame with the most text and summarises that, highlighting in the
// frame; when the only candidate is a frame of another site, the panel says so plainly.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it as nodeIt } from 'node:test';
import { ROOT, TEST_TIMEOUT_MS, launchWithExtension, openPanel, serve } from './helpers.mjs';

const it = (name, fn) => nodeIt(name, { timeout: TEST_TIMEOUT_MS }, fn);

const SAMPLE = fs.readFileSync(path.join(ROOT, 'tests/fixtures/sample/xi-putin-summit.html'), 'utf8');
const HEADLINE = 'Xi-Putin summit yields united stand on Taiwan and Nato';

const attr = (html) => html.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
/** A top document with no article of its own: a site bar and the frame. */
const shell = (frame) => `<!doctype html><html lang="en"><head><title>Reader</title></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>${frame}</body></html>`;
const FRAME_BOX = 'width="900" height="700"';

let browser;
let server;
let crossOrigin;

before(async () => {
  server = await serve({
    '/article.html': { body: SAMPLE, headers: {} },
    '/srcdoc.html': { body: shell(`<iframe ${FRAME_BOX} srcdoc="${attr(SAMPLE)}"></iframe>`), headers: {} },
    '/same-origin.html': { body: shell(`<iframe ${FRAME_BOX} src="/article.html"></iframe>`), headers: {} },
  });
  // news.test is this server under another name: another origin, a frame Lede cannot read
  crossOrigin = `http://news.test:${new URL(server.origin).port}/article.html`;
  browser = await launchWithExtension({ extraArgs: ['--host-resolver-rules=MAP news.test 127.0.0.1'] });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function loaded(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => [...document.querySelectorAll('iframe')].every((f) => f.contentWindow));
  // the frame's document must have loaded before the click
  await page.waitForTimeout(300);
}

for (const [kind, route] of [
  ['srcdoc', '/srcdoc.html'],
  ['same-origin', '/same-origin.html'],
]) {
  describe(`article in a ${kind} frame`, () => {
    it("summarises the frame's article and highlights in the frame", async () => {
      const page = await browser.context.newPage();
      await loaded(page, server.origin + route);
      const frame = await openPanel(browser, page);
      assert.equal((await frame.textContent('.headline')).trim(), HEADLINE);
      assert.ok((await frame.$$('.bullet-list li')).length >= 2, 'no bullets from the frame');
      const article = page.frames().find((f) => f !== page.mainFrame() && !f.url().startsWith('chrome-extension:'));
      await article.waitForFunction(() => CSS.highlights.has('lede-person'));
      // highlight.css went into the frame too, so the highlights paint there
      await article.waitForFunction(
        () => getComputedStyle(document.body, '::highlight(lede-person)').backgroundColor !== 'rgba(0, 0, 0, 0)',
      );
      assert.equal(await page.evaluate(() => CSS.highlights.size), 0, 'highlights put in the top document');
      await page.close();
    });
  });
}

describe('article in a frame of another site', () => {
  it('says plainly that the article is in a frame Lede cannot read', async () => {
    const page = await browser.context.newPage();
    const url = `${server.origin}/cross.html`;
    await page.route(url, (route) =>
      route.fulfill({ contentType: 'text/html', body: shell(`<iframe ${FRAME_BOX} src="${crossOrigin}"></iframe>`) }),
    );
    await loaded(page, url);
    const frame = await openPanel(browser, page);
    const notice = (await frame.textContent('.notice')).trim();
    assert.match(notice, /frame from another site, which Lede cannot read/);
    await page.close();
  });
});
