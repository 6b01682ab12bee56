// Screenshot of the Lede panel on the bundled sample article: docs/panel.png (1280x800).
//
//   scripts/build-extension.sh && node scripts/screenshot.mjs [OUT.png] [--dark]
//
// Opens the page in headless Chromium with the extension, clicks the toolbar button (CDP
// Extensions.triggerAction, as a user's click), waits for the panel to render and its highlights to
// be painted, and saves the viewport.
import fs from 'node:fs';
import path from 'node:path';
import {
  ROOT,
  launchWithExtension,
  panelFrame,
  serve,
  triggerAction,
} from '../tests/e2e/helpers.mjs';

const args = process.argv.slice(2);
const dark = args.includes('--dark');
const out = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(ROOT, 'docs/panel.png'));

const sample = fs.readFileSync(path.join(ROOT, 'tests/fixtures/sample/xi-putin-summit.html'));
const server = await serve({ '/article.html': { body: sample, headers: {} } });
const browser = await launchWithExtension({ colorScheme: dark ? 'dark' : 'light' });
try {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/article.html`);
  // A cold browser (first run on a fresh machine) can miss the first click: click once more.
  let frame;
  for (let attempt = 1; !frame; attempt++) {
    await triggerAction(browser.context, page, browser.extensionId);
    frame = await panelFrame(page, { timeout: 15000 }).catch((e) => {
      if (attempt >= 2) throw e;
      console.error('panel did not appear, clicking the toolbar button again');
    });
  }
  await frame.waitForSelector('.lede[data-state]');
  // Highlights arrive right after the render; give the page a frame to paint them.
  await page.waitForFunction(() => CSS.highlights.size > 0, null, { timeout: 3000 }).catch(() => {});
  await page.waitForTimeout(300);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
} finally {
  await browser.close();
  await server.close();
}
