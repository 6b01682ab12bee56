// The panel as a reader uses it, in Chromium: keyboard (focus in and back out, Tab order, arrow keys
// between entities, Esc), accessibility (axe-core inside the panel page, light and dark), the three
// copy formats and their options, long articles (60 quotes, 200 entities), right-to-left articles,
// narrow windows, settings remembered across pages, and every list item leading into the page.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it as nodeIt } from 'node:test';
import {
  ROOT,
  TEST_TIMEOUT_MS,
  launchWithExtension,
  openPanel as openPanelOf,
  serve,
  triggerAction,
  withTimeout,
} from './helpers.mjs';
import { longArticle } from './long-article.mjs';

const it = (name, fn) => nodeIt(name, { timeout: TEST_TIMEOUT_MS }, fn);

const SAMPLE = fs.readFileSync(path.join(ROOT, 'tests/fixtures/sample/xi-putin-summit.html'));
const ARABIC = fs.readFileSync(path.join(ROOT, 'tests/fixtures/kinds/arabic-no-dir.html'));
const AXE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const HEADLINE = 'Xi-Putin summit yields united stand on Taiwan and Nato';

let browser;
let server;

before(async () => {
  server = await serve({
    '/sample.html': { body: SAMPLE, headers: {} },
    '/strict.html': { body: SAMPLE, headers: { 'content-security-policy': "default-src 'none'" } },
    '/no-clipboard.html': { body: SAMPLE, headers: { 'permissions-policy': 'clipboard-write=()' } },
    '/long.html': { body: longArticle(), headers: {} },
    '/arabic.html': { body: ARABIC, headers: {} },
  });
  // news.test is another site on the same server: settings must follow the reader there.
  browser = await launchWithExtension({ extraArgs: ['--host-resolver-rules=MAP news.test 127.0.0.1'] });
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(url) {
  const page = await browser.context.newPage();
  await page.goto(/^[a-z-]+:/.test(url) ? url : server.origin + url);
  return page;
}

const openPanel = (page) => openPanelOf(browser, page);

/** Close with the toolbar button and wait until the host is gone. */
async function closePanel(page) {
  await triggerAction(browser.context, page, browser.extensionId);
  await page.waitForFunction(() => !document.querySelector('html > lede-panel'));
}

/** The panel's focused control, described: its data-act (or tag) and its accessible label. */
const focused = (frame) =>
  frame.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || !document.hasFocus()) return null;
    return `${el.dataset.act ?? el.localName}:${el.getAttribute('aria-label') ?? el.textContent.trim().slice(0, 30)}`;
  });

/** Every control a keyboard user should reach, in document order (what Tab must visit). */
const tabbable = (frame) =>
  frame.evaluate(() =>
    [...document.querySelectorAll('button, input, [tabindex]')]
      .filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0 && !el.closest('[hidden]'))
      .map((el) => `${el.dataset.act ?? el.localName}:${el.getAttribute('aria-label') ?? el.textContent.trim().slice(0, 30)}`),
  );

/** The iframe's box in the page (Playwright reaches it through the closed shadow root). */
async function frameBox(frame) {
  return (await frame.frameElement()).boundingBox();
}

/** Forget the saved panel settings (kept by the background). */
async function resetPrefs(frame) {
  await frame.evaluate(() => chrome.runtime.sendMessage({ type: 'lede-prefs', op: 'set', prefs: {} }));
}

async function clipboardText(page) {
  await page.bringToFront();
  return page.evaluate(() => navigator.clipboard.readText());
}

async function clipboardHtml(page) {
  await page.bringToFront();
  return page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return item.types.includes('text/html') ? (await item.getType('text/html')).text() : null;
  });
}

async function runAxe(frame) {
  await frame.evaluate(AXE);
  return frame.evaluate(async () => {
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  });
}

describe('keyboard', () => {
  // The binding only: headless Chromium never sees browser shortcuts. shortcut.test.mjs presses
  // the keys in a windowed Chromium under Xvfb.
  it('registers Alt+Shift+L as the open/close shortcut', async () => {
    const page = await open(`chrome-extension://${browser.extensionId}/manifest.json`);
    try {
      const commands = await page.evaluate(() => chrome.commands.getAll());
      const action = commands.find((c) => c.name === '_execute_action');
      assert.equal(action?.shortcut, 'Alt+Shift+L', JSON.stringify(commands));
    } finally {
      await page.close();
    }
  });

  it('takes focus into the panel, Tabs through every control in order, and Esc gives it back', async () => {
    const page = await open('/sample.html');
    try {
      await page.locator('a').first().focus();
      const link = await page.evaluate(() => document.activeElement.outerHTML);
      const frame = await openPanel(page);
      await frame.waitForFunction(() => document.activeElement?.dataset.act === 'copy');
      assert.equal(await page.evaluate(() => document.activeElement.localName), 'lede-panel');

      const expected = await tabbable(frame);
      const acts = new Set(expected.map((c) => c.split(':')[0]));
      for (const act of ['copy', 'copy-options', 'side', 'collapse', 'close', 'bullet', 'group-quotes', 'quote', 'type', 'entity']) {
        assert.ok(acts.has(act), `no ${act} control among ${expected.join(', ')}`);
      }
      const visited = [await focused(frame)];
      for (let i = 1; i < expected.length; i++) {
        await page.keyboard.press('Tab');
        visited.push(await focused(frame));
      }
      assert.deepEqual(visited, expected);
      // One tab stop per entity group: three groups, three chips in the Tab order.
      assert.equal(expected.filter((c) => c.startsWith('entity:')).length, 3);

      // Shift+Tab walks back.
      await page.keyboard.press('Shift+Tab');
      assert.equal(await focused(frame), expected[expected.length - 2]);

      // Esc tears down the focused iframe; the browser may never acknowledge that key event (see
      // extension.test.mjs), so only the outcome is awaited.
      const key = withTimeout(page.keyboard.press('Escape'), 5000, 'Escape').catch(() => {});
      await page.waitForFunction(() => !document.querySelector('html > lede-panel'));
      await key;
      assert.equal(await page.evaluate(() => document.activeElement.outerHTML), link);
      assert.ok(await page.evaluate(() => document.hasFocus()));
    } finally {
      await page.close();
    }
  });

  it('moves between entities with the arrow keys, Home and End, and shows a mention on Enter', async () => {
    const page = await open('/sample.html');
    try {
      const frame = await openPanel(page);
      const chips = await frame.$$eval('button.chip', (els) => els.map((e) => e.dataset.i));
      assert.ok(chips.length > 4);
      await frame.locator('button.chip').first().focus();
      const at = () => frame.evaluate(() => document.activeElement.dataset.i);
      await page.keyboard.press('ArrowRight');
      assert.equal(await at(), chips[1]);
      await page.keyboard.press('ArrowDown');
      assert.equal(await at(), chips[2]);
      await page.keyboard.press('ArrowLeft');
      assert.equal(await at(), chips[1]);
      await page.keyboard.press('End');
      assert.equal(await at(), chips[chips.length - 1]);
      await page.keyboard.press('ArrowRight'); // wraps
      assert.equal(await at(), chips[0]);
      await page.keyboard.press('ArrowUp'); // wraps back
      assert.equal(await at(), chips[chips.length - 1]);
      await page.keyboard.press('Home');
      assert.equal(await at(), chips[0]);
      // The focused chip is its toolbar's tab stop (roving tabindex).
      assert.equal(await frame.evaluate(() => document.activeElement.tabIndex), 0);

      await page.keyboard.press('Enter');
      await page.waitForFunction(() => CSS.highlights.has('lede-focus'));
      assert.match(await frame.evaluate(() => document.activeElement.getAttribute('aria-label')), /mention 1 of \d+/);
    } finally {
      await page.close();
    }
  });

  it('Esc closes the copy options first, then the panel', async () => {
    const page = await open('/sample.html');
    try {
      const frame = await openPanel(page);
      const options = frame.locator('[data-act="copy-options"]');
      await options.click();
      assert.equal(await options.getAttribute('aria-expanded'), 'true');
      assert.ok(await frame.locator('#lede-copy-options').isVisible());
      await frame.locator('input[value="text"]').focus();
      await page.keyboard.press('Escape');
      assert.equal(await options.getAttribute('aria-expanded'), 'false');
      assert.ok(!(await frame.locator('#lede-copy-options').isVisible()));
      assert.equal(await focused(frame), 'copy-options:Copy options');
      assert.ok(await page.evaluate(() => document.querySelector('html > lede-panel') !== null));
      const key = withTimeout(page.keyboard.press('Escape'), 5000, 'Escape').catch(() => {});
      await page.waitForFunction(() => !document.querySelector('html > lede-panel'));
      await key;
    } finally {
      await page.close();
    }
  });
});

describe('accessibility', () => {
  for (const scheme of ['light', 'dark']) {
    it(`axe-core finds no violations in the ${scheme} panel (sample and long article, all controls open)`, async () => {
      for (const url of ['/sample.html', '/long.html']) {
        const page = await open(url);
        try {
          await page.emulateMedia({ colorScheme: scheme });
          const frame = await openPanel(page);
          const bg = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
          assert.equal(bg, scheme === 'dark' ? 'rgb(23, 25, 29)' : 'rgb(255, 255, 255)', 'colour scheme not applied');
          assert.deepEqual(await runAxe(frame), [], `${url} as rendered`);
          await frame.locator('[data-act="copy-options"]').click();
          await frame.locator('[data-act="group-quotes"]').click();
          const more = frame.locator('button.more[aria-expanded="false"]');
          while (await more.count()) await more.first().click();
          await frame.locator('.entity-group .switch').first().click(); // a group with highlights off
          assert.deepEqual(await runAxe(frame), [], `${url} with options, grouping, "show more" and a switch off`);
        } finally {
          await page.close();
        }
      }
    });
  }

  it('names and states every control', async () => {
    const page = await open('/sample.html');
    try {
      const frame = await openPanel(page);
      const state = (sel, attr) => frame.locator(sel).first().getAttribute(attr);
      assert.equal(await state('[data-act="collapse"]', 'aria-expanded'), 'true');
      assert.equal(await state('[data-act="copy-options"]', 'aria-expanded'), 'false');
      assert.equal(await state('[data-act="group-quotes"]', 'aria-pressed'), 'false');
      assert.equal(await state('.switch', 'role'), 'switch');
      assert.equal(await state('.switch', 'aria-checked'), 'true');
      assert.equal(await state('.switch', 'aria-label'), 'Highlight people in the page');
      assert.equal(await state('.chips', 'role'), 'toolbar');
      assert.match(await state('button.chip', 'aria-label'), /^Xi Jinping \d+ mentions$/);
      await frame.locator('.switch').first().click();
      assert.equal(await state('.switch', 'aria-checked'), 'false');
      await frame.locator('[data-act="group-quotes"]').click();
      assert.equal(await state('[data-act="group-quotes"]', 'aria-pressed'), 'true');
      assert.equal(await frame.locator('main h1#lede-headline').count(), 1);
      assert.equal(await frame.locator('header.bar').count(), 1);
    } finally {
      await page.close();
    }
  });
});

describe('items lead into the page', () => {
  it('quotes in article order scroll to their text and flash it; grouped by speaker on request', async () => {
    const page = await open('/sample.html');
    try {
      const frame = await openPanel(page);
      const summary = await frame.evaluate(() => globalThis.ledeSummary);
      const shown = summary.quotes.filter((q) => !q.fragment);
      const order = await frame.$$eval('.quote-list button.quote', (els) => els.map((e) => Number(e.dataset.i)));
      assert.deepEqual(order, [...order].sort((a, b) => a - b), 'quotes not in article order');
      assert.equal(order.length, Math.min(shown.length, 8));
      const last = frame.locator('.quote-list button.quote').nth(order.length - 1);
      const want = summary.quotes[order[order.length - 1]].text.replace(/[,\s]+$/, '');
      await page.evaluate(() => window.scrollTo(0, 0));
      await last.click();
      const flashed = await page.waitForFunction(() =>
        CSS.highlights.has('lede-focus') && [...CSS.highlights.get('lede-focus')].map(String).join(' '),
      );
      assert.ok((await flashed.jsonValue()).includes(want.slice(0, 40)), 'the flashed range is not the quote');
      assert.ok(await page.evaluate(() => window.scrollY > 0), 'the page did not scroll');
      // the flash is brief
      await page.waitForFunction(() => !CSS.highlights.has('lede-focus'), null, { timeout: 4000 });

      await frame.locator('[data-act="group-quotes"]').click();
      const groups = await frame.$$eval('.quote-group', (gs) =>
        gs.map((g) => ({ speaker: g.querySelector('h3 span').textContent, n: g.querySelectorAll('.quote').length })),
      );
      const speakers = groups.map((g) => g.speaker);
      assert.equal(new Set(speakers).size, speakers.length, 'a speaker appears in two groups');
      assert.ok(speakers.includes('Xi Jinping') && speakers.includes('Vladimir Putin'), speakers.join(', '));
    } finally {
      await page.close();
    }
  });

  it('a bullet (the page\'s own or an extracted one) scrolls to its sentence and flashes it', async () => {
    for (const [url, kind] of [['/sample.html', 'From the page'], ['/long.html', 'Key points']]) {
      const page = await open(url);
      try {
        const frame = await openPanel(page);
        assert.equal(await frame.textContent('.bullets .kind'), kind);
        const last = frame.locator('button.item[data-act="bullet"]').last();
        const text = (await last.textContent()).trim();
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        const before = await page.evaluate(() => window.scrollY);
        await last.click();
        const flashed = await page.waitForFunction(() =>
          CSS.highlights.has('lede-focus') && [...CSS.highlights.get('lede-focus')].map(String).join(''),
        );
        const words = (s) => s.replace(/\s+/g, ' ').trim();
        assert.equal(words(await flashed.jsonValue()), words(text), url);
        assert.notEqual(await page.evaluate(() => window.scrollY), before, `${url}: the page did not scroll`);
      } finally {
        await page.close();
      }
    }
  });

  it('an entity cycles through its mentions on further clicks', async () => {
    const page = await open('/sample.html');
    try {
      const frame = await openPanel(page);
      const chip = frame.locator('button.chip').first();
      const total = Number(await chip.locator('.count').textContent());
      assert.ok(total >= 3);
      const seen = [];
      const where = () =>
        page.evaluate(() => {
          const h = CSS.highlights.get('lede-focus');
          if (!h) return null;
          const r = [...h][0];
          return `${Math.round(r.getBoundingClientRect().top + scrollY)}:${r.startOffset}`;
        });
      for (let k = 1; k <= total + 1; k++) {
        await chip.click();
        assert.equal(await chip.locator('.count').textContent(), `${((k - 1) % total) + 1}/${total}`);
        const before = seen[seen.length - 1] ?? null;
        let now = await where();
        for (let t = 0; now === before && t < 50; t++) {
          await page.waitForTimeout(20);
          now = await where();
        }
        assert.notEqual(now, before, `click ${k} showed no other mention`);
        seen.push(now);
      }
      assert.equal(new Set(seen.slice(0, total)).size, total, 'a mention was shown twice');
      // after the last mention the first comes again
      assert.equal(seen[total], seen[0]);
    } finally {
      await page.close();
    }
  });
});

describe('copy formats', () => {
  it('copies Markdown, plain text and rich HTML, each with headline, source, byline and date; sections optional', async () => {
    const page = await open('/sample.html');
    try {
      let frame = await openPanel(page);
      await resetPrefs(frame);
      const copy = async () => {
        await frame.locator('[data-act="copy"]').click();
        await frame.waitForSelector('.toast.shown');
        const toast = await frame.textContent('.toast');
        await frame.waitForSelector('.toast:not(.shown)');
        return toast;
      };
      const source = `${server.origin}/sample.html`;

      assert.equal(await copy(), 'Summary copied as Markdown');
      const md = await clipboardText(page);
      assert.ok(md.startsWith(`# ${HEADLINE}\n`), md.slice(0, 100));
      assert.match(md, /By Teddy Ng and Jun Mai · South China Morning Post · 4 Feb 2022/);
      assert.ok(md.includes(`(${source})`), 'no source link');
      assert.ok(md.includes('## Quotes') && md.includes('## Entities'));

      await frame.locator('[data-act="copy-options"]').click();
      await frame.locator('input[value="text"]').check();
      assert.equal(await copy(), 'Summary copied as Plain text');
      const text = await clipboardText(page);
      assert.ok(text.startsWith(`${HEADLINE}\nBy Teddy Ng and Jun Mai`), text.slice(0, 100));
      assert.ok(text.includes(`Source: ${source}`));
      assert.ok(!/[#*]/.test(text), 'markup in plain text');

      await frame.locator('input[value="html"]').check();
      await frame.locator('input[data-act="with-quotes"]').uncheck();
      assert.equal(await copy(), 'Summary copied as Rich text');
      const html = await clipboardHtml(page);
      assert.ok(html?.includes(`<h1>${HEADLINE}</h1>`), `clipboard html: ${html?.slice(0, 200)}`);
      assert.ok(html.includes(`<a href="${source}">South China Morning Post</a>`));
      assert.ok(html.includes('<li>China and Russia voice opposition'));
      assert.ok(!html.includes('Quotes') && html.includes('Entities'), 'the quotes section was not left out');
      const plainTwin = await clipboardText(page);
      assert.ok(plainTwin.startsWith(HEADLINE), 'no text/plain beside the HTML');

      // The choices are remembered: a new panel copies rich text without quotes again.
      await closePanel(page);
      frame = await openPanel(page);
      await frame.locator('[data-act="copy-options"]').click();
      assert.ok(await frame.locator('input[value="html"]').isChecked());
      assert.ok(!(await frame.locator('input[data-act="with-quotes"]').isChecked()));
      await resetPrefs(frame);
    } finally {
      await page.close();
    }
  });

  it('copies rich text where the page forbids clipboard-write (copy-event fallback)', async () => {
    const reader = await open('/sample.html');
    const page = await open('/no-clipboard.html');
    try {
      await reader.evaluate(() => navigator.clipboard.writeText('before'));
      const frame = await openPanel(page);
      await frame.evaluate(() =>
        chrome.runtime.sendMessage({ type: 'lede-prefs', op: 'set', prefs: { copyFormat: 'html' } }),
      );
      await closePanel(page);
      const again = await openPanel(page);
      await again.locator('[data-act="copy"]').click();
      await again.waitForSelector('.toast.shown');
      assert.equal(await again.textContent('.toast'), 'Summary copied as Rich text');
      const html = await clipboardHtml(reader);
      assert.ok(html?.includes(`<h1>${HEADLINE}</h1>`), `clipboard html: ${html?.slice(0, 200)}`);
      await resetPrefs(again);
    } finally {
      await page.close();
      await reader.close();
    }
  });
});

describe('long articles, right-to-left, narrow windows and remembered settings', () => {
  it('keeps 60 quotes and 200 entities usable: counts, "show more", each section scrolling on its own', async () => {
    const page = await open('/long.html');
    try {
      const frame = await openPanel(page);
      assert.equal(await frame.textContent('.quotes .section-head .count'), '60');
      assert.equal(await frame.locator('.quote-list .quote').count(), 8);
      const moreQuotes = frame.locator('[data-act="more-quotes"]');
      assert.equal(await moreQuotes.textContent(), 'Show all 60 quotes');
      await moreQuotes.click();
      assert.equal(await frame.locator('.quote-list .quote').count(), 60);
      assert.equal(await moreQuotes.getAttribute('aria-expanded'), 'true');
      assert.equal(await frame.evaluate(() => document.activeElement.dataset.i), '8', 'focus on the first new quote');

      const counts = await frame.$$eval('.group-head .count', (els) => els.map((e) => Number(e.textContent)));
      assert.equal(counts.reduce((a, b) => a + b, 0), 200);
      const people = frame.locator('.entity-group.person');
      assert.equal(await people.locator('.chip').count(), 16);
      await people.locator('[data-act="more-entities"]').click();
      assert.equal(await people.locator('.chip').count(), counts[0]);
      const closed = frame.locator('[data-act="more-entities"][aria-expanded="false"]');
      while (await closed.count()) await closed.first().click();
      const shown = await frame.$$eval('.entity-group', (gs) => gs.map((g) => g.querySelectorAll('.chip').length));
      assert.deepEqual(shown, counts);
      // Grouped by type, each group in the core's salience order, each chip with its mention count.
      const summary = await frame.evaluate(() => globalThis.ledeSummary);
      for (const [type, cls] of [['PERSON', 'person'], ['ORG', 'org'], ['PLACE', 'place']]) {
        const chips = await frame.$$eval(`.entity-group.${cls} .chip`, (els) =>
          els.map((e) => [e.querySelector('.name').textContent, Number(e.querySelector('.count').textContent)]),
        );
        const want = summary.entities.filter((e) => e.type === type).map((e) => [e.name, Math.max(1, e.mentions.length)]);
        assert.deepEqual(chips, want, type);
      }

      // The quotes and the entities each scroll on their own, within a bounded height, under their
      // section's heading and the panel's fixed header bar.
      const geometry = () =>
        frame.evaluate(() => {
          const box = (sel) => document.querySelector(sel).getBoundingClientRect();
          const list = (sel) => {
            const el = document.querySelector(sel);
            return { top: el.scrollTop, height: el.clientHeight, full: el.scrollHeight, y: Math.round(box(sel).top) };
          };
          return {
            viewport: innerHeight,
            content: document.querySelector('.content').scrollTop,
            bar: box('.bar').top,
            quotesHead: Math.round(box('.quotes .section-head').top),
            quotes: list('.quote-list'),
            entities: list('.entity-list'),
          };
        });
      const resetScroll = (sel) =>
        frame.evaluate((s) => {
          const el = document.querySelector(s);
          el.scrollTop = 0;
          el.closest('section').scrollIntoView({ block: 'start' });
        }, sel);
      const start = await geometry();
      for (const name of ['quotes', 'entities']) {
        const l = start[name];
        assert.ok(l.full > l.height * 3, `the ${name} list (${l.full}px) does not scroll in its ${l.height}px`);
        assert.ok(l.height <= start.viewport * 0.6, `the ${name} list is ${l.height}px high in a ${start.viewport}px panel`);
      }
      // The mouse wheel over the quotes scrolls the quotes only.
      await resetScroll('.quote-list');
      let before = await geometry();
      const quotesBox = await frame.locator('.quote-list').boundingBox(); // in the page's viewport
      await page.mouse.move(quotesBox.x + quotesBox.width / 2, quotesBox.y + quotesBox.height / 2);
      await page.mouse.wheel(0, 300);
      await frame.waitForFunction(() => document.querySelector('.quote-list').scrollTop > 0);
      let now = await geometry();
      assert.equal(now.content, before.content, 'the wheel over the quotes scrolled the panel');
      assert.equal(now.entities.top, before.entities.top, 'the wheel over the quotes scrolled the entities');
      assert.equal(now.quotesHead, before.quotesHead, 'the quotes heading moved');
      assert.equal(now.bar, start.bar);
      // The keyboard scrolls the entity list (a tab stop of its own): End goes to its bottom.
      await resetScroll('.entity-list');
      before = await geometry();
      await frame.locator('.entity-list').focus();
      await page.keyboard.press('End');
      await frame.waitForFunction(() => {
        const l = document.querySelector('.entity-list');
        return l.scrollTop > 0 && Math.abs(l.scrollTop + l.clientHeight - l.scrollHeight) <= 1;
      });
      now = await geometry();
      assert.equal(now.content, before.content, 'End in the entities scrolled the panel');
      assert.equal(now.quotes.top, before.quotes.top, 'End in the entities scrolled the quotes');
      assert.equal(now.bar, start.bar);
      // The very last chip can be reached and used; the header stays in view.
      const last = frame.locator('button.chip').last();
      await last.click();
      await page.waitForFunction(() => CSS.highlights.has('lede-focus'));
      assert.equal((await geometry()).bar, start.bar);
      // Highlights cover every mention of every type.
      const painted = await page.evaluate(() => ['lede-person', 'lede-org', 'lede-place'].map((n) => CSS.highlights.get(n)?.size ?? 0));
      assert.ok(painted.every((n) => n >= 40), painted.join(','));
    } finally {
      await page.close();
    }
  });

  it('mirrors for a right-to-left article and sits on the left', async () => {
    const page = await open('/arabic.html');
    try {
      const frame = await openPanel(page);
      await resetPrefs(frame);
      assert.equal(await frame.evaluate(() => document.documentElement.dir), 'rtl');
      assert.equal(await frame.evaluate(() => getComputedStyle(document.querySelector('.bar')).direction), 'rtl');
      await page.waitForFunction(() => true);
      const box = await frameBox(frame);
      assert.ok(box.x < 20, `panel at x=${box.x}, not on the left`);
      // The close button is at the bar's far (left) end, the logo at its right.
      const [logo, close] = await Promise.all([
        frame.locator('.logo').boundingBox(),
        frame.locator('[data-act="close"]').boundingBox(),
      ]);
      assert.ok(close.x < logo.x, 'the header bar is not mirrored');
    } finally {
      await page.close();
    }
  });

  it('never covers the whole article on a narrow window', async () => {
    const page = await open('/sample.html');
    try {
      await page.setViewportSize({ width: 380, height: 700 });
      const frame = await openPanel(page);
      await frame.waitForFunction(() => innerHeight < 400);
      const box = await frameBox(frame);
      assert.ok(box.y >= 340 && box.height <= 360, `panel box ${JSON.stringify(box)} on a 380x700 window`);
      // Scrolling to a mention centres it in the free top half, above the sheet.
      await frame.locator('button.chip').first().click();
      await page.waitForFunction(() => CSS.highlights.has('lede-focus'));
      const y = await page.evaluate(() => [...CSS.highlights.get('lede-focus')][0].getBoundingClientRect().top);
      assert.ok(y > 0 && y < box.y, `mention at y=${y}, hidden by the panel at ${box.y}`);

      await page.setViewportSize({ width: 1280, height: 800 });
      await frame.waitForFunction(() => innerHeight > 700);
      const wide = await frameBox(frame);
      assert.ok(wide.width <= 400 && wide.x >= 1280 - 412, `panel box ${JSON.stringify(wide)} on a wide window`);
    } finally {
      await page.close();
    }
  });

  it('remembers the collapsed state and the side, on other sites too', async () => {
    const first = await open('/sample.html');
    let second;
    try {
      let frame = await openPanel(first);
      await resetPrefs(frame);
      await frame.locator('[data-act="collapse"]').click();
      await frame.waitForFunction(() => innerHeight <= 44);
      await frame.locator('[data-act="side"]').click();
      await first.waitForFunction(() => true);
      assert.ok((await frameBox(frame)).x < 20, 'did not move to the left');
      await closePanel(first);

      second = await open(server.origin.replace('127.0.0.1', 'news.test') + '/sample.html');
      frame = await openPanel(second);
      await frame.waitForFunction(() => innerHeight <= 44);
      assert.equal(await frame.locator('[data-act="collapse"]').textContent(), 'Expand');
      assert.equal(await frame.locator('[data-act="collapse"]').getAttribute('aria-expanded'), 'false');
      assert.ok((await frameBox(frame)).x < 20, 'the side was not remembered');
      assert.equal(await frame.locator('[data-act="side"]').getAttribute('aria-label'), 'Move the panel to the right');
      await resetPrefs(frame);
    } finally {
      await first.close();
      await second?.close();
    }
  });
});
