// End-to-end: one article per summary (issue 22). On a page of two whole stories (infinite scroll), the
// panel summarises the story in view when the toolbar is clicked, never a mix of both.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, it as nodeIt } from 'node:test';
import { ROOT, TEST_TIMEOUT_MS, launchWithExtension, openPanel, serve } from './helpers.mjs';

const it = (name, fn) => nodeIt(name, { timeout: TEST_TIMEOUT_MS }, fn);

// room below the second story, so that it can be scrolled to the top of the window
const PAGE = fs
  .readFileSync(path.join(ROOT, 'tests/fixtures/kinds/infinite-scroll.html'), 'utf8')
  .replace('</main>', '</main><div style="height: 1500px"></div>');

let browser;
let server;

before(async () => {
  server = await serve({ '/stories.html': { body: PAGE, headers: {} } });
  browser = await launchWithExtension();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function speakersInView(scrollToSecond) {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/stories.html`);
  if (scrollToSecond) {
    await page.evaluate(() => document.querySelectorAll('article')[1].scrollIntoView({ block: 'start' }));
  }
  const frame = await openPanel(browser, page);
  const speakers = await frame.$$eval('.quote .q-by', (els) => els.map((e) => e.textContent));
  const bullets = await frame.$$eval('.bullet-list li', (els) => els.map((e) => e.textContent).join(' '));
  await page.close();
  return { speakers, bullets };
}

it('summarises the first story when it is in view', async () => {
  const { speakers, bullets } = await speakersInView(false);
  assert.deepEqual([...new Set(speakers)], ['— Tomas Varga']);
  assert.ok(bullets.includes('Port Elwyn') && !bullets.includes('lighthouse'), bullets);
});

it('summarises the next story once the reader has scrolled to it', async () => {
  const { speakers, bullets } = await speakersInView(true);
  assert.deepEqual([...new Set(speakers)], ['— Marguerite Okafor']);
  assert.ok(bullets.includes('Gannet Head') && !bullets.includes('Port Elwyn'), bullets);
});
