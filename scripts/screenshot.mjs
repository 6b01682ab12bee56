// Screenshots of the Lede panel for docs/, from the current build:
//   docs/panel.png       the bundled sample article (South China Morning Post), light
//   docs/panel-dark.png  a news article from the shared corpus (aeb-dev, impeachment hearings), dark
//   docs/panel-rtl.png   a real Arabic news article (CNN Arabic, 2013; tests/fixtures/pages/README.md), light
//
//   scripts/build-extension.sh && node scripts/screenshot.mjs [NAME...] [--out DIR]
//
// Each page is served locally with `script-src 'none'` (the page's own scripts stay off) and every
// non-local request aborted, so the shots are offline and repeatable. A shot may start scrolled to
// an element (`scrollTo`, a CSS selector). The script clicks the toolbar button (CDP
// Extensions.triggerAction, as a user's click), waits for the panel and its highlights, and saves
// the 1280x800 viewport.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import {
  ROOT,
  launchWithExtension,
  panelFrame,
  serve,
  triggerAction,
} from '../tests/e2e/helpers.mjs';

const SHARED = process.env.LEDE_SHARED ?? path.join(ROOT, '../shared');
const SHOTS = {
  panel: { source: path.join(ROOT, 'tests/fixtures/sample/xi-putin-summit.html'), scheme: 'light' },
  'panel-dark': {
    // a page whose styles are all inline, so it renders styled offline
    source: path.join(SHARED, 'corpus/aeb-dev/html/7a664e40d256470fdb12d10c3f8d1c6db0581e9b080c71765e55f273a3ac7d03.html.gz'),
    scheme: 'dark',
  },
  'panel-rtl': {
    // right-to-left (lang="ar", no dir attribute); its stylesheets are remote, so it renders unstyled
    source: path.join(ROOT, 'tests/fixtures/pages/cnn-arabic-syria-2013.html'),
    scheme: 'light',
    // the story starts below the site's (unstyled, so long) header: show it from its headline
    scrollTo: '.cnn_storyarea h1',
  },
};

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const outDir = path.resolve(outAt >= 0 ? args[outAt + 1] : path.join(ROOT, 'docs'));
const names = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--out');
for (const n of names) if (!SHOTS[n]) throw new Error(`unknown screenshot ${n}: ${Object.keys(SHOTS).join(', ')}`);

const routes = {};
for (const [name, shot] of Object.entries(SHOTS)) {
  routes[`/${name}.html`] = {
    body: !fs.existsSync(shot.source)
      ? ''
      : shot.source.endsWith('.gz')
        ? zlib.gunzipSync(fs.readFileSync(shot.source))
        : fs.readFileSync(shot.source),
    headers: { 'content-security-policy': "script-src 'none'" },
  };
}
const server = await serve(routes);

async function shoot(name, { scheme, scrollTo }) {
  const browser = await launchWithExtension({ colorScheme: scheme });
  try {
    const page = await browser.context.newPage();
    await page.route('**/*', (route) => {
      const url = route.request().url();
      const local = url.startsWith(server.origin) || url.startsWith('chrome-extension:');
      return local ? route.continue() : route.abort();
    });
    await page.goto(`${server.origin}/${name}.html`);
    if (scrollTo) {
      await page.evaluate((sel) => document.querySelector(sel).scrollIntoView({ block: 'start' }), scrollTo);
    }
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
    const out = path.join(outDir, `${name}.png`);
    fs.mkdirSync(outDir, { recursive: true });
    await page.screenshot({ path: out });
    console.log(`wrote ${path.relative(process.cwd(), out)}`);
  } finally {
    await browser.close();
  }
}

try {
  for (const name of names.length ? names : Object.keys(SHOTS)) {
    if (!fs.existsSync(SHOTS[name].source)) {
      console.error(`skipping ${name}: ${SHOTS[name].source} is missing`);
      continue;
    }
    await shoot(name, SHOTS[name]);
  }
} finally {
  await server.close();
}
