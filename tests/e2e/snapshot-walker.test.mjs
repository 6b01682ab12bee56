// Rules of extension/snapshot.js that the HTML parser cannot see, so the parity test cannot cover
// them: open shadow roots (walked, shadow children first), closed shadow roots (invisible), the Lede
// panel host (excluded), visibility from the live DOM, and the Text-node table that turns snapshot
// ranges back into DOM Ranges.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, it as nodeIt } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM, decodeWire, ROOT, serve, TEST_TIMEOUT_MS } from './helpers.mjs';

/** Every test gets a time limit: one stuck browser call fails its test, not the whole run. */
const it = (name, fn) => nodeIt(name, { timeout: TEST_TIMEOUT_MS }, fn);

const WALKER = fs.readFileSync(path.join(ROOT, 'extension/snapshot.js'), 'utf8');

const PAGE = `<!doctype html>
<html lang="fr"><head><title>Été</title></head>
<body><div id="host">light <b>bold</b></div><!-- a comment -->
<p style="DISPLAY : none !important">gone</p><p hidden><span>also gone</span></p>
<p>café 👋 <a href="/x" onclick="x()">lien</a></p>
<script>
  document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML =
    '<span class="in-shadow">shadow</span><slot></slot>';
  const closed = document.createElement('div');
  closed.attachShadow({ mode: 'closed' }).innerHTML = '<i>secret</i>';
  document.body.append(closed);
  const panel = document.createElement('lede-panel');
  panel.textContent = 'panel text';
  document.documentElement.append(panel);
</script></body></html>`;

let browser;
let server;
let page;

before(async () => {
  server = await serve({ '/page.html': { body: PAGE, headers: {} } });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  page = await browser.newPage();
  await page.goto(`${server.origin}/page.html`);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Run the walker in the page; returns the nodes and, per text node, whether the live Text matches. */
const walk = () =>
  page.evaluate(`${WALKER}
    ;(() => {
      const { snapshot, textNodes } = ledeSnapshot(document.querySelector('html > lede-panel'));
      return { wire: snapshot, textNodes: textNodes.map((t) => t?.data) };
    })()`).then(({ wire, textNodes }) => {
    const snapshot = decodeWire(wire);
    return {
      snapshot,
      live: snapshot.nodes.map((n, i) =>
        n.text === undefined ? textNodes[i] == null : textNodes[i] === n.text),
    };
  });

it('walks open shadow roots before the light children, skips closed ones and the panel host', async () => {
  const { snapshot } = await walk();
  const { nodes } = snapshot;
  const texts = nodes.filter((n) => n.text !== undefined).map((n) => n.text.trim()).filter(Boolean);
  assert.deepEqual(texts, ['Été', 'shadow', 'light', 'bold', 'gone', 'also gone', 'café 👋', 'lien']);
  const host = nodes.findIndex((n) => n.attrs?.id === 'host');
  const span = nodes.findIndex((n) => n.attrs?.class === 'in-shadow');
  const slot = nodes.findIndex((n) => n.tag === 'slot');
  const bold = nodes.findIndex((n) => n.tag === 'b');
  assert.equal(nodes[span].parent, host);
  assert.equal(nodes[slot].parent, host);
  assert.ok(span < slot && slot < bold, 'shadow children come first, then light children');
  assert.ok(!nodes.some((n) => n.tag === 'lede-panel' || n.tag === 'script'));
});

it('applies the shared attribute, visibility and serialisation rules', async () => {
  const { snapshot } = await walk();
  const { nodes } = snapshot;
  assert.deepEqual(nodes[0], { tag: 'html', attrs: { lang: 'fr' } });
  const byText = (t) => nodes.find((n) => n.text?.trim() === t);
  assert.equal(byText('gone').visible, false);
  assert.equal(byText('also gone').visible, false);
  assert.equal(byText('lien').visible, undefined, 'visible is omitted when true');
  const link = nodes.find((n) => n.tag === 'a');
  assert.equal(link.attrs, undefined, 'href is kept on <link> only, onclick never');
  assert.equal(snapshot.url, `${server.origin}/page.html`);
});

it('maps every text node to its live Text node', async () => {
  const { live } = await walk();
  assert.ok(live.every(Boolean));
});

it('a second injection of the same walker keeps the first one; a changed walker replaces it', async () => {
  const same = await page.evaluate(`(() => {
    const first = (0, eval)(${JSON.stringify(WALKER)} + ';ledeSnapshot');
    const second = (0, eval)(${JSON.stringify(WALKER)} + ';ledeSnapshot');
    return first === second;
  })()`);
  assert.equal(same, true, 'the same source reuses the walker');
  // an updated extension: the walker's source differs (here by one constant)
  const changed = WALKER.replace('const MAX_NODES = 100_000;', 'const MAX_NODES = 99_999;');
  assert.notEqual(changed, WALKER);
  const replaced = await page.evaluate(`(() => {
    const before = ledeSnapshot;
    const after = (0, eval)(${JSON.stringify(changed)} + ';ledeSnapshot');
    return before !== after && after.source.includes('99_999');
  })()`);
  assert.equal(replaced, true, 'a different source makes a new walker');
});
