// Safe on any page: hostile and degenerate pages, hostile page text, strict CSPs (Trusted Types
// too), the page left exactly as it was, no network traffic, the manifest's permissions, and the
// panel's lifecycle (repeated clicks, a stopped service worker, single-page-app navigation, no heap
// growth over 100 open/close cycles). Run `scripts/build-extension.sh` first.
//
// Times from the toolbar click to the panel's answer are logged (`# answer in N ms`), not asserted:
// speed is measured in benchmarks, not tests.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it as nodeIt } from 'node:test';
import {
  EXTENSION_DIR,
  ROOT,
  TEST_TIMEOUT_MS,
  launchWithExtension,
  panelFrame,
  serve,
  triggerAction,
  withTimeout,
} from './helpers.mjs';

const it = (name, fn, timeout = TEST_TIMEOUT_MS) => nodeIt(name, { timeout }, fn);

const SAMPLE = fs.readFileSync(path.join(ROOT, 'tests/fixtures/sample/xi-putin-summit.html'), 'utf8');
const HEADLINE = 'Xi-Putin summit yields united stand on Taiwan and Nato';

const PARAGRAPH =
  'The city council approved the harbour plan on Tuesday after two years of debate, and the mayor, ' +
  'Anna Berg, said the first ferries would run next spring. "We listened to every neighbourhood," ' +
  'Berg said at a press conference in Oslo.';
const paragraphs = (n) => Array.from({ length: n }, () => `<p>${PARAGRAPH}</p>`).join('');
const article = (headline, body, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${headline}</title>${head}</head>` +
  `<body><article><h1>${headline}</h1>${body}</article></body></html>`;

/** HTML-escape page text (what a CMS does with a headline typed by an attacker). */
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// The payloads set `__pwned` (in whatever window runs them) and log PWNED: neither may ever happen.
const XSS_IMG = "<img src=x onerror=window.__pwned=1;console.log('PWNED-img')>";
const XSS_SCRIPT = "<script>window.__pwned=2;console.log('PWNED script')</script>";
const XSS_LINK = 'javascript:window.__pwned=3';
const XSS_CSS = '</style><style>*{display:none!important}</style>';
const LONG_WORD = 'Supercalifragilistic'.repeat(500); // 10 000 characters, no space to break at

const HOSTILE_TEXT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${esc(XSS_IMG)} Harbour plan</title>
<meta name="author" content="${esc(XSS_SCRIPT)}">
<meta property="og:site_name" content="${esc(XSS_CSS)}">
</head><body><article>
<h1>${esc(XSS_IMG)} Harbour plan approved</h1>
<p class="byline">By <a rel="author" href="${XSS_LINK}">${esc(XSS_SCRIPT)} Anna Berg</a></p>
<p>${PARAGRAPH}</p>
<p>"They sent us ${esc(XSS_IMG)} and ${esc(XSS_SCRIPT)} with ${XSS_LINK} links and ${esc(XSS_CSS)} in a letter to the council," said Anna Berg.</p>
<p>The council leader, ${esc('<b onmouseover=alert(1)>')}Erik Dahl, said "${LONG_WORD}" at the meeting in Oslo.</p>
<p>${PARAGRAPH}</p><p>${PARAGRAPH}</p>
</article></body></html>`;

function deepNesting(depth, closed) {
  return (
    '<!doctype html><html><head><title>Deep</title></head><body>' +
    '<div>'.repeat(depth) +
    paragraphs(4) +
    (closed ? '</div>'.repeat(depth) : '') +
    '</body></html>'
  );
}

function manyElements(count) {
  const parts = ['<!doctype html><html><body><article><h1>Many small elements</h1>'];
  for (let i = 0; i < count / 4; i++) parts.push(`<p><span>word${i}</span> <b>bold</b> <i>it</i></p>`);
  parts.push('</article></body></html>');
  return parts.join('');
}

// A 1×1 PNG and a one-page PDF, for the browser's own image and PDF viewers.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from(
  '%PDF-1.1\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** Hostile and degenerate pages: [name, route, expectation] (`article` or a notice). */
const HOSTILE_PAGES = [
  ['empty page', { body: '' }, 'notice'],
  ['no body', { body: '<html><head><title>Only a title</title></head></html>' }, 'notice'],
  [
    'frameset',
    {
      body:
        '<!doctype html><html><head><title>Frames</title></head><frameset cols="50%,50%">' +
        '<frame src="/empty"><frame src="/empty"></frameset></html>',
    },
    'notice',
  ],
  [
    'SVG-only document',
    {
      body:
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><title>A chart</title>' +
        '<text x="10" y="50">Sales rose by four per cent in the quarter.</text></svg>',
      headers: { 'content-type': 'image/svg+xml' },
    },
    'notice',
  ],
  ['image page', { body: PNG, headers: { 'content-type': 'image/png' } }, 'notice'],
  [
    'XML feed (the browser\'s XML viewer)',
    {
      body:
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><item>' +
        '<title>Harbour plan approved</title><description>The council approved it.</description></item></channel></rss>',
      headers: { 'content-type': 'application/xml' },
    },
    'notice',
  ],
  [
    'XML document with its own stylesheet',
    {
      body: '<?xml version="1.0"?><?xml-stylesheet type="text/css" href="/doc.css"?><doc><p>Styled XML text.</p></doc>',
      headers: { 'content-type': 'application/xml' },
    },
    'notice',
  ],
  ['plain text page', { body: 'Some notes.\nA second line.', headers: { 'content-type': 'text/plain' } }, 'notice'],
  ['PDF viewer', { body: PDF, headers: { 'content-type': 'application/pdf' } }, 'any'],
  [
    'video only',
    {
      body:
        '<!doctype html><html><head><title>Watch: the storm</title></head><body>' +
        '<video src="/storm.mp4" controls></video></body></html>',
    },
    'notice',
  ],
  [
    'login wall',
    {
      body:
        '<!doctype html><html><head><title>Sign in</title></head><body><main><form>' +
        '<h1>Sign in to continue reading</h1><label>Email <input name="email"></label>' +
        '<label>Password <input type="password"></label><button>Sign in</button>' +
        '<p><a href="/forgot">Forgot your password?</a></p></form></main></body></html>',
    },
    'notice',
  ],
  [
    '5 MB single text node',
    {
      body: `<!doctype html><html><body><p>${'Officials said the storm would pass by the evening. '.repeat(
        100_000,
      )}</p></body></html>`,
    },
    'any',
  ],
  ['200 000 elements', { body: manyElements(200_000) }, 'any'],
  ['10 000-deep nesting (closed)', { body: deepNesting(10_000, true) }, 'any'],
  ['10 000-deep nesting (unclosed)', { body: deepNesting(10_000, false) }, 'any'],
  [
    'malformed HTML',
    {
      body:
        `<html><head><title>Broken &amp; <b>bold</b></title></head><body><p><b><i>${PARAGRAPH}</b></i>` +
        `<table><td>cell<p>${PARAGRAPH}</table></li></ul><</a>&amp &#xFFFFFFFF; &#0; <p <p>> ` +
        `<div class="a' id=x>${PARAGRAPH}<!-- a comment that never ends <p>after`,
    },
    'any',
  ],
  [
    'NUL and unpaired surrogates',
    {
      // The page's own script splits an emoji and adds NULs: text nodes with lone surrogates.
      body: article(
        'Null and surrogate test',
        `${paragraphs(3)}<p id="odd">Broken pair: </p><script>
          const p = document.getElementById('odd');
          p.append('\\uD83D', ' lone high, ', '\\uDE00', ' lone low, nul \\u0000 here. ');
          p.append(${JSON.stringify(PARAGRAPH)});
        </script>`,
      ),
    },
    'article',
  ],
  [
    'zero-width and bidi controls',
    {
      body: article(
        'Harbour\u200b plan \u202eapproved\u202c',
        `<p>The mayor, An\u200dna Be\ufeffrg, said \u2066"we listened\u2069 to every neighbourhood\u200f," ` +
          `at a press conference in \u202bOslo\u202c.</p>${paragraphs(3)}`,
      ),
    },
    'article',
  ],
  [
    'mixed scripts and emoji',
    {
      body: article(
        'Саммит 🌍 في بكين 北京 summit 👩🏽‍🚀🇳🇴',
        '<p>Владимир Путин и 习近平 met in Beijing 🇨🇳, and "мы договорились 🤝", Путин said. ' +
          'محمد بن سلمان was not there 👨‍👩‍👧‍👦.</p>' +
          `${paragraphs(2)}<p dir="rtl">قال الرئيس إن "المحادثات كانت مثمرة" في بكين.</p>`,
      ),
    },
    'article',
  ],
];

/** An article followed by ~90 000 snapshot nodes of filler: more than `HIGHLIGHT_MAX_NODES`
 * (src/snapshot.rs), fewer than the 100 000 the snapshot keeps. */
const TOO_LARGE_TO_HIGHLIGHT = article(
  'Harbour plan approved after two years',
  `${paragraphs(6)}</article><footer>${'<span>·</span> '.repeat(30_000)}</footer><article>`,
);

/** Pages served with strict policies: the panel, highlights and Copy must all work. */
const STRICT_PAGES = {
  "default-src 'none'": "default-src 'none'",
  "script-src 'self'": "script-src 'self'",
  "style-src 'none'": "style-src 'none'",
  'Trusted Types required': "require-trusted-types-for 'script'; trusted-types 'none'",
};

let browser;
let server;
/** Every request the browser made, from any page, frame or worker of the context. */
const requests = [];

before(async () => {
  const routes = {
    '/sample.html': { body: SAMPLE },
    '/hostile-text.html': { body: HOSTILE_TEXT_PAGE },
    '/empty': { body: '' },
    '/doc.css': { body: 'doc, p { display: block; margin: 1em }', headers: { 'content-type': 'text/css' } },
    '/big.svg': {
      body:
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 10" width="300" height="3000">' +
        '<rect width="1" height="10" fill="#cde"/><text x="0.1" y="5" font-size="0.1">A tall chart</text></svg>',
      headers: { 'content-type': 'image/svg+xml' },
    },
    '/spa.html': {
      body: article('Harbour plan approved after two years', paragraphs(4)),
    },
    '/too-large-to-highlight.html': { body: TOO_LARGE_TO_HIGHLIGHT },
    '/backdrop.html': {
      body: article(
        'Harbour plan approved after two years',
        paragraphs(4),
        '<style>::backdrop { background: rgb(200, 0, 0) }</style>',
      ),
    },
  };
  HOSTILE_PAGES.forEach(([, route], i) => {
    routes[`/hostile-${i}`] = route;
  });
  Object.entries(STRICT_PAGES).forEach(([, csp], i) => {
    routes[`/strict-${i}.html`] = { body: SAMPLE, headers: { 'content-security-policy': csp } };
  });
  server = await serve(routes);
  browser = await launchWithExtension();
  browser.context.on('request', (req) => requests.push({ url: req.url(), at: Date.now() }));
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const click = (page) => triggerAction(browser.context, page, browser.extensionId);

/** Lede's panel frame (not another extension's, such as the browser's PDF viewer). */
const ledeFrame = (page, options = {}) => panelFrame(page, { ...options, extensionId: browser.extensionId });

const hostCount = (page) => page.evaluate(() => document.querySelectorAll('lede-panel').length);

/** Click the toolbar button and wait for the panel's answer; returns the frame and the time taken. */
async function openPanel(page) {
  // a closed panel's frame can linger in page.frames() for a moment: never pick it
  const stale = new Set(page.frames());
  const t0 = Date.now();
  await click(page);
  // A cold browser now and then drops the very first toolbar click (no content script runs, so no
  // panel host appears; scripts/screenshot.mjs meets the same): click once more in that case only.
  let frame = await ledeFrame(page, { stale, timeout: 10000 }).catch(() => null);
  if (!frame && (await hostCount(page)) === 0) {
    console.log('# the toolbar click was dropped (no panel host after 10 s): clicking again');
    await click(page);
  }
  // generous waits: the 200 000-element page takes seconds on a loaded 2-core machine, and how long the
  // answer takes is measured by the browser benchmark (and printed below), never asserted here
  frame ??= await ledeFrame(page, { stale, timeout: 30000 });
  await frame.waitForSelector('.lede[data-state]', { timeout: 30000 });
  return { frame, ms: Date.now() - t0 };
}

async function closePanel(page) {
  await click(page);
  await page.waitForFunction(() => !document.querySelector('lede-panel'), null, { timeout: 30000 });
}

describe('hostile and degenerate pages get a clear answer', () => {
  HOSTILE_PAGES.forEach(([name, , expect], i) => {
    it(name, async () => {
      const page = await browser.context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      try {
        // the browser's own parse of the big pages takes seconds on a loaded machine
        await page.goto(`${server.origin}/hostile-${i}`, { waitUntil: 'load', timeout: 30000 });
        // a reader clicks on a page they can see: wait for its first frame (on the 200 000-element page
        // the browser's own first layout and paint take a second or more after `load`), so the time
        // printed is Lede's, from the click to the answer
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
        const { frame, ms } = await openPanel(page);
        console.log(`# ${name}: answer in ${ms} ms`);
        assert.equal(await frame.getAttribute('.lede', 'data-state'), 'ready', `${name}: no summary`);
        const notice = await frame.locator('.notice').allTextContents();
        const bullets = await frame.locator('.bullet-list li').count();
        if (expect === 'notice') {
          assert.ok(notice.length > 0 && notice[0].trim().length > 10, `${name}: no notice (${notice})`);
          assert.equal(bullets, 0, `${name}: bullets on a page without an article`);
        } else if (expect === 'article') {
          assert.ok(bullets > 0, `${name}: no bullets (${notice})`);
        } else {
          assert.ok(bullets > 0 || notice.length > 0, `${name}: neither a summary nor a notice`);
        }
        assert.deepEqual(errors, [], `${name}: page errors`);
        await closePanel(page);
      } finally {
        await page.close();
      }
    });
  });
});

describe('a page too large to highlight', () => {
  it('lists the names, says why they are not highlighted, and leaves the page unstyled', async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`${server.origin}/too-large-to-highlight.html`, { waitUntil: 'load', timeout: 30000 });
      const { frame } = await openPanel(page);
      assert.equal(await frame.getAttribute('.lede', 'data-state'), 'ready');
      const chips = await frame.locator('button.chip').allTextContents();
      assert.ok(chips.some((c) => c.includes('Anna Berg')), `no Anna Berg among ${chips}`);
      const note = await frame.locator('section.entities .notice').allTextContents();
      assert.ok(note.some((n) => /very large/.test(n)), `no note on the highlights: ${note}`);
      assert.equal(await frame.locator('button[data-act="type"]').count(), 0, 'highlight switches shown');
      // the content script has answered the panel's (empty) highlight groups
      await frame.waitForFunction(() => globalThis.ledeTimings?.highlightsAt, null, { timeout: 30000 });
      assert.equal(await page.evaluate(() => CSS.highlights.size), 0, 'highlights registered');
      const style = await page.evaluate(
        () => getComputedStyle(document.querySelector('p'), '::highlight(lede-person)').backgroundColor,
      );
      assert.equal(style, 'rgba(0, 0, 0, 0)', 'highlight.css went into the page');
      await closePanel(page);
    } finally {
      await page.close();
    }
  });
});

describe("a page with its own ::backdrop rule", () => {
  it('draws no backdrop behind the panel (which is in the top layer)', async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`${server.origin}/backdrop.html`);
      // the page's `::backdrop` rule must not dim the page behind the panel (it is in the top layer)
      await openPanel(page);
      const shot = await page.screenshot({ clip: { x: 10, y: 400, width: 1, height: 1 } });
      const [r, g, b] = await page.evaluate(async (b64) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = new OffscreenCanvas(1, 1);
        const g2 = c.getContext('2d');
        g2.drawImage(img, 0, 0);
        return [...g2.getImageData(0, 0, 1, 1).data];
      }, shot.toString('base64'));
      assert.ok(!(r > 150 && g < 60 && b < 60), `the page's backdrop is drawn: rgb(${r}, ${g}, ${b})`);
      await closePanel(page);
    } finally {
      await page.close();
    }
  });
});

describe('hostile page text stays inert', () => {
  let page;
  let frame;
  const consoleLines = [];

  before(async () => {
    page = await browser.context.newPage();
    page.on('console', (m) => consoleLines.push(m.text()));
    await page.goto(`${server.origin}/hostile-text.html`);
    ({ frame } = await openPanel(page));
  });
  after(() => page?.close());

  it('shows headline, byline, quotes and names as text', async () => {
    assert.equal(await frame.getAttribute('.lede', 'data-state'), 'ready');
    const headline = await frame.textContent('.headline');
    assert.ok(headline.includes(XSS_IMG), `headline: ${headline}`);
    const quotes = await frame.locator('.quote').allTextContents();
    assert.ok(
      quotes.some((q) => q.includes(XSS_IMG) && q.includes(XSS_SCRIPT) && q.includes(XSS_LINK) && q.includes(XSS_CSS)),
      `quotes: ${quotes.join(' | ')}`,
    );
    // nothing from the page became an element, a link or a style in the panel
    const made = await frame.evaluate(() => ({
      img: document.querySelectorAll('img').length,
      inlineScripts: [...document.scripts].filter((s) => !s.src).length,
      jsLinks: [...document.querySelectorAll('[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href'))).length,
      styles: document.querySelectorAll('style').length,
      onAttrs: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
    }));
    assert.deepEqual(made, { img: 0, inlineScripts: 0, jsLinks: 0, styles: 0, onAttrs: 0 });
  });

  it('keeps a very long word inside the panel', async () => {
    const overflow = await frame.evaluate(() => document.scrollingElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 1, `the panel scrolls sideways by ${overflow} px`);
  });

  it('runs no script from page text, in the page or the panel', async () => {
    // Let any injected image fail to load and any handler run.
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'page');
    assert.equal(await frame.evaluate(() => window.__pwned), undefined, 'panel');
    assert.equal(consoleLines.filter((l) => l.includes('PWNED')).length, 0, consoleLines.join('\n'));
    // the page's CSS is untouched: the article is still displayed
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('h1')).display), 'block');
  });
});

for (const [name, csp] of Object.entries(STRICT_PAGES)) {
  describe(`strict page: ${name}`, () => {
    it('panel, highlights and Copy work', async () => {
      const index = Object.keys(STRICT_PAGES).indexOf(name);
      const page = await browser.context.newPage();
      const violations = [];
      page.on('console', (m) => {
        if (/Content Security Policy|TrustedHTML|TrustedScript|Trusted Type/i.test(m.text())) violations.push(m.text());
      });
      try {
        const response = await page.goto(`${server.origin}/strict-${index}.html`);
        assert.equal(response.headers()['content-security-policy'], csp);
        await page.waitForTimeout(100);
        violations.length = 0; // the sample's own <style> is blocked by style-src; only ours count
        const { frame, ms } = await openPanel(page);
        console.log(`# ${name}: panel in ${ms} ms`);
        assert.equal(await frame.getAttribute('.lede', 'data-state'), 'ready');
        assert.equal((await frame.textContent('.headline')).trim(), HEADLINE);
        await page.waitForFunction(() => CSS.highlights.has('lede-person') && CSS.highlights.get('lede-person').size > 0);
        await page.evaluate(() => navigator.clipboard.writeText('before'));
        await frame.locator('button[data-act="copy"]').click();
        await page.waitForFunction(
          async (h) => (await navigator.clipboard.readText()).includes(h),
          HEADLINE,
          { timeout: 5000 },
        );
        await closePanel(page);
        assert.deepEqual(violations, [], 'Lede caused policy violations');
      } finally {
        await page.close();
      }
    });
  });
}

/**
 * Record in the page's `window.__mutations` every DOM mutation except Lede's host being added to or
 * removed from the root element: `<lede-panel>`, or in an SVG document (`svg`) the `<foreignObject>`
 * around it, whose own attribute changes (its place over the window) are the host's too.
 */
function watchMutations(page, { svg = false } = {}) {
  return page.evaluate((svg) => {
    window.__mutations = [];
    const ours = svg
      ? (n) => n.nodeName === 'foreignObject' && n.firstChild?.localName === 'lede-panel'
      : (n) => n.nodeName === 'LEDE-PANEL';
    new MutationObserver((list) => {
      for (const m of list) {
        if (svg && ours(m.target)) continue;
        if (
          m.type === 'childList' &&
          m.target === document.documentElement &&
          [...m.addedNodes, ...m.removedNodes].every(ours)
        ) {
          continue;
        }
        window.__mutations.push(`${m.type} on ${m.target.nodeName} ${m.attributeName ?? ''}`);
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  }, svg);
}

describe('the page is not changed', () => {
  it('no mutation outside the panel host before, during and after; selection and scroll kept', async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`${server.origin}/sample.html`);
      // The page's own state: a scroll position and a text selection.
      await page.evaluate(() => {
        window.scrollTo(0, 400);
        const p = document.querySelectorAll('p')[3];
        const r = document.createRange();
        r.setStart(p.firstChild, 0);
        r.setEnd(p.firstChild, Math.min(20, p.firstChild.length));
        getSelection().removeAllRanges();
        getSelection().addRange(r);
        window.__handlerCalls = 0;
        document.addEventListener('click', () => window.__handlerCalls++);
      });
      await watchMutations(page);
      const before = await page.evaluate(() => ({
        scrollY,
        selection: getSelection().toString(),
        html: document.documentElement.outerHTML,
      }));
      assert.ok(before.selection.length > 0 && before.scrollY > 0);

      const { frame } = await openPanel(page);
      // during: switch a highlight type off and on, collapse and expand
      const personSwitch = frame.locator('.entity-group.person .switch');
      await personSwitch.click();
      await personSwitch.click();
      const collapse = frame.locator('button[data-act="collapse"]');
      if (await collapse.count()) {
        await collapse.click();
        await collapse.click();
      }
      assert.deepEqual(await page.evaluate(() => window.__mutations), [], 'mutations while open');
      await closePanel(page);
      await page.waitForTimeout(100);

      const afterClose = await page.evaluate(() => ({
        scrollY,
        selection: getSelection().toString(),
        html: document.documentElement.outerHTML,
        mutations: window.__mutations,
        handlerCalls: window.__handlerCalls,
      }));
      assert.deepEqual(afterClose.mutations, [], 'mutations outside the host');
      assert.equal(afterClose.html, before.html, 'the DOM differs after close');
      assert.equal(afterClose.scrollY, before.scrollY, 'scroll position lost');
      assert.equal(afterClose.selection, before.selection, 'page selection lost');
      assert.equal(afterClose.handlerCalls, 0, 'a page click handler saw the panel clicks');
    } finally {
      await page.close();
    }
  });
});

describe('an SVG document', () => {
  it('gets the panel in a foreignObject over the window, the only node added; scroll kept', async () => {
    const page = await browser.context.newPage();
    try {
      // Narrower than the window (the root <svg> clips what it draws to its box), scaled by its
      // viewBox (300 times), and taller than the window, so it scrolls.
      await page.goto(`${server.origin}/big.svg`);
      await page.evaluate(() => window.scrollTo(0, 400));
      await watchMutations(page, { svg: true });
      const before = await page.evaluate(() => ({ scrollY, svg: document.documentElement.outerHTML }));
      assert.ok(before.scrollY > 0);

      const { frame, ms } = await openPanel(page);
      console.log(`# SVG document: answer in ${ms} ms`);
      assert.equal(await frame.getAttribute('.lede', 'data-state'), 'ready');
      const notice = await frame.locator('.notice').allTextContents();
      assert.ok(notice.length > 0 && notice[0].trim().length > 10, `no notice (${notice})`);
      const placed = async () => {
        const box = await (await frame.frameElement()).boundingBox();
        const { innerWidth, innerHeight } = await page.evaluate(() => ({ innerWidth, innerHeight }));
        // at the window's top right, in window pixels: not scaled by the viewBox, not scrolled away
        assert.ok(box.width >= 300 && box.width <= 420 && box.height > innerHeight / 2, JSON.stringify(box));
        assert.ok(box.y >= 0 && box.y < 40 && box.x + box.width <= innerWidth && box.x > innerWidth / 2, JSON.stringify(box));
        // and drawn there, not clipped to the <svg>'s box: the panel is what a click would hit
        const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.localName, [
          box.x + box.width / 2,
          box.y + box.height / 2,
        ]);
        assert.equal(hit, 'lede-panel');
      };
      await placed();
      await page.evaluate(() => window.scrollBy(0, 300));
      await page.waitForTimeout(100);
      await placed();
      await page.evaluate(() => window.scrollBy(0, -300));
      assert.equal(await hostCount(page), 1);
      await closePanel(page);
      await page.waitForTimeout(100);
      const afterClose = await page.evaluate(() => ({
        scrollY,
        svg: document.documentElement.outerHTML,
        mutations: window.__mutations,
      }));
      assert.deepEqual(afterClose.mutations, [], 'mutations outside the host');
      assert.equal(afterClose.svg, before.svg, 'the DOM differs after close');
      assert.equal(afterClose.scrollY, before.scrollY, 'scroll position lost');
    } finally {
      await page.close();
    }
  });
});

describe('nothing leaves the machine', () => {
  it('no network request while Lede runs, from the page, the panel or the service worker', async () => {
    const page = await browser.context.newPage();
    const sockets = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    try {
      await page.goto(`${server.origin}/sample.html`, { waitUntil: 'load' });
      await page.waitForTimeout(200);
      const from = requests.length;
      const { frame } = await openPanel(page);
      await frame.locator('button.chip').first().click();
      await frame.locator('button[data-act="copy"]').click();
      await page.waitForTimeout(500);
      await closePanel(page);
      const during = requests.slice(from).map((r) => r.url);
      // extension files load from the extension's own origin; nothing else may be requested
      const network = during.filter((u) => !u.startsWith('chrome-extension://'));
      assert.deepEqual(network, [], 'requests made while Lede ran');
      assert.ok(during.some((u) => u.endsWith('.wasm')), 'the recorder saw the panel load (sanity)');
      assert.deepEqual(sockets, []);
    } finally {
      await page.close();
    }
  });

  it('the extension code names no network API', () => {
    const sources = ['background.js', 'content.js', 'snapshot.js', 'boot.js', 'panel.js', 'pkg/lede.js'];
    for (const file of sources) {
      const code = fs.readFileSync(path.join(EXTENSION_DIR, file), 'utf8');
      const hits = code.match(/\b(fetch\s*\(\s*['"`]https?:|XMLHttpRequest|WebSocket|EventSource|sendBeacon|RTCPeerConnection|importScripts)\b/g);
      assert.equal(hits, null, `${file}: ${hits}`);
    }
  });
});

describe('permissions', () => {
  it('the built manifest asks for activeTab and scripting only, and no host', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    const allowed = new Set(['activeTab', 'scripting', 'clipboardWrite']);
    const extra = (manifest.permissions ?? []).filter((p) => !allowed.has(p));
    assert.deepEqual(extra, [], 'permissions beyond activeTab/scripting');
    for (const key of ['host_permissions', 'optional_permissions', 'optional_host_permissions', 'content_scripts', 'externally_connectable']) {
      assert.equal(manifest[key], undefined, `manifest has ${key}`);
    }
    // the only page-reachable file is the panel, and its CSP allows no remote code
    for (const r of manifest.web_accessible_resources ?? []) {
      assert.deepEqual(r.resources, ['panel.html']);
      assert.equal(r.use_dynamic_url, true);
    }
    const csp = manifest.content_security_policy?.extension_pages ?? '';
    assert.doesNotMatch(csp, /https?:|\*|'unsafe-eval'|'unsafe-inline'/);
  });
});

describe('lifecycle', () => {
  it('repeated clicks toggle one panel, never two', async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`${server.origin}/sample.html`);
      await openPanel(page);
      assert.equal(await hostCount(page), 1);
      await closePanel(page);
      // five clicks without waiting: an odd number leaves exactly one panel
      await Promise.all(Array.from({ length: 5 }, () => click(page)));
      await page.waitForTimeout(1500);
      assert.equal(await hostCount(page), 1, 'odd clicks');
      const frame = await ledeFrame(page);
      await frame.waitForSelector('.lede[data-state="ready"]');
      await Promise.all(Array.from({ length: 4 }, () => click(page)));
      await page.waitForTimeout(1500);
      assert.equal(await hostCount(page), 1, 'even clicks on an open panel');
      await closePanel(page);
      assert.equal(await hostCount(page), 0);
    } finally {
      await page.close();
    }
  });

  it('the panel keeps working after the service worker is stopped', async () => {
    const page = await browser.context.newPage();
    const cdp = await browser.context.browser().newBrowserCDPSession();
    try {
      await page.goto(`${server.origin}/sample.html`);
      const { frame } = await openPanel(page);
      const { targetInfos } = await cdp.send('Target.getTargets');
      const workers = targetInfos.filter((t) => t.type === 'service_worker' && t.url.includes(browser.extensionId));
      assert.ok(workers.length > 0, 'no extension service worker target');
      for (const w of workers) await cdp.send('Target.closeTarget', { targetId: w.targetId });
      await withTimeout(
        (async () => {
          for (;;) {
            const { targetInfos: now } = await cdp.send('Target.getTargets');
            if (!now.some((t) => t.type === 'service_worker' && t.url.includes(browser.extensionId))) return;
            await new Promise((r) => setTimeout(r, 50));
          }
        })(),
        5000,
        'service worker stop',
      );
      // The panel talks to the page directly: highlights still switch, Copy still copies.
      const personSwitch = frame.locator('.entity-group.person .switch');
      await personSwitch.click();
      await page.waitForFunction(() => !CSS.highlights.has('lede-person'));
      await personSwitch.click();
      await page.waitForFunction(() => CSS.highlights.has('lede-person'));
      await frame.locator('button[data-act="copy"]').click();
      await page.waitForFunction(async (h) => (await navigator.clipboard.readText()).includes(h), HEADLINE);
      // A click wakes the worker again and closes the panel.
      await closePanel(page);
      assert.equal(await page.evaluate(() => CSS.highlights.size), 0);
    } finally {
      await cdp.detach();
      await page.close();
    }
  });

  it('after single-page-app navigation a click summarises the new article', async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`${server.origin}/spa.html`);
      let { frame } = await openPanel(page);
      assert.equal((await frame.textContent('.headline')).trim(), 'Harbour plan approved after two years');
      const navigate = (headline, text) =>
        page.evaluate(
          ([h, t]) => {
            history.pushState({}, '', `/spa/${encodeURIComponent(h)}`);
            document.title = h;
            const art = document.querySelector('article');
            art.replaceChildren();
            const h1 = document.createElement('h1');
            h1.textContent = h;
            art.append(h1);
            for (let i = 0; i < 4; i++) {
              const p = document.createElement('p');
              p.textContent = t;
              art.append(p);
            }
          },
          [headline, text],
        );
      // navigate while the panel is open: the next click closes it, the one after shows the new page
      await navigate(
        'Rail strike ends after pay deal',
        'Train drivers ended their strike on Friday after the union, Rail Workers United, accepted a pay ' +
          'offer. "This is a fair deal," said Maria Lopez, the union leader, in Madrid.',
      );
      await closePanel(page);
      ({ frame } = await openPanel(page));
      assert.equal((await frame.textContent('.headline')).trim(), 'Rail strike ends after pay deal');
      const chips = await frame.$$eval('.chip .name', (els) => els.map((e) => e.textContent));
      assert.ok(chips.includes('Maria Lopez'), `entities: ${chips}`);
      assert.ok(!chips.includes('Anna Berg'), 'entities of the old article');
      await page.waitForFunction(() => CSS.highlights.has('lede-person'));
      // and with the panel closed first
      await closePanel(page);
      await navigate(
        'Museum reopens after flood repairs',
        'The city museum in Bergen reopened on Monday after flood repairs. "We are glad to welcome ' +
          'visitors again," said director Karin Holm.',
      );
      ({ frame } = await openPanel(page));
      assert.equal((await frame.textContent('.headline')).trim(), 'Museum reopens after flood repairs');
      await closePanel(page);
    } finally {
      await page.close();
    }
  });

  it(
    '100 open/close cycles leave no JS heap growth beyond noise',
    async () => {
      const page = await browser.context.newPage();
      const cdp = await browser.context.newCDPSession(page);
      try {
        await page.goto(`${server.origin}/sample.html`);
        const cycle = async () => {
          await openPanel(page);
          await closePanel(page);
        };
        const heapAfterGc = async (session) => {
          for (let i = 0; i < 3; i++) await session.send('HeapProfiler.collectGarbage');
          return (await session.send('Runtime.getHeapUsage')).usedSize;
        };
        // The panel's process (the extension's renderer, which holds every panel document and its
        // wasm instance), measured with a panel open; its heap is shared by all the extension's frames
        // there, so a closed panel that is never collected shows up as growth.
        const panelHeap = async () => {
          const { frame } = await openPanel(page);
          const session = await browser.context.newCDPSession(frame);
          try {
            return await heapAfterGc(session);
          } finally {
            await session.detach();
            await closePanel(page);
          }
        };
        for (let i = 0; i < 5; i++) await cycle(); // warm up
        const start = await heapAfterGc(cdp);
        const panelStart = await panelHeap();
        const t0 = Date.now();
        for (let i = 0; i < 100; i++) await cycle();
        const end = await heapAfterGc(cdp);
        const panelEnd = await panelHeap();
        const kb = (n) => (n / 1024).toFixed(0);
        console.log(
          `# heap ${kb(start)} KB -> ${kb(end)} KB in the page, ${kb(panelStart)} KB -> ${kb(panelEnd)} KB ` +
            `in the panel's process, after 100 cycles (${((Date.now() - t0) / 100).toFixed(0)} ms per cycle)`,
        );
        // One snapshot of the sample page is ~100 KB of JSON: a leak of one per cycle would add ~10 MB.
        assert.ok(end - start < 2 * 1024 * 1024, `page heap grew by ${end - start} bytes`);
        assert.ok(panelEnd - panelStart < 2 * 1024 * 1024, `panel heap grew by ${panelEnd - panelStart} bytes`);
        assert.equal(await hostCount(page), 0);
      } finally {
        await cdp.detach();
        await page.close();
      }
    },
    240_000,
  );
});
