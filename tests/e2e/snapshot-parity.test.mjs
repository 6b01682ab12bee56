// The browser's snapshot walker (extension/snapshot.js) must produce the same Snapshot as the native
// builder (`Snapshot::from_html`, via `lede PAGE --snapshot`) on real pages: node for node, attribute
// for attribute, text for text; and, in the compact form the panel reads (`lede --wire`), as
// byte-identical JSON.
//
// Pages are served from 127.0.0.1 with `Content-Security-Policy: script-src 'none'` (so the live DOM
// is the parser's DOM) and every other request aborted. Scripting stays *enabled* in the browser, as
// for a real reader and as in html5ever's default: with JavaScript switched off in the browser the
// parser reads <noscript> as markup, and a `<noscript><img>` in <head> then moves the rest of the
// head into <body> (seen on citylab-1 and medicalnewstoday), which no reader with scripts on meets.
// The walker runs through `page.evaluate` (DevTools evaluation is not subject to the page's CSP).
// The native side is `target/debug/lede`, which this test builds first with
// `cargo build --quiet --bin lede` (set LEDE_BIN to use another binary and skip the build).
// LEDE_PARITY_ALL=1 checks every page of the corpus instead of the fixed list below.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it as nodeIt } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM, decodeWire, ROOT, serve, TEST_TIMEOUT_MS } from './helpers.mjs';

/** Every test gets a time limit: one stuck browser call fails its test, not the whole run. */
const it = (name, fn) => nodeIt(name, { timeout: TEST_TIMEOUT_MS }, fn);

const CORPUS = process.env.LEDE_CORPUS ?? path.resolve(ROOT, '../shared/corpus/readability');
const WALKER = fs.readFileSync(path.join(ROOT, 'extension/snapshot.js'), 'utf8');

/** A fixed mix: RTL (Arabic, Hebrew), CJK, accented Latin, a byte-order mark, hidden nodes, inline
 * SVG and MathML, tables, scripts with tricky content, and a few large real news pages. */
const PAGES = [
  '001', 'rtl-1', 'rtl-2', 'rtl-3', 'hukumusume', 'qq', 'pixnet', 'gmw', 'folha', 'la-nacion',
  'heise', 'liberation-1', 'hidden-nodes', 'visibility-hidden', 'remove-aria-hidden',
  'svg-parsing', 'mathjax', 'comment-inside-script-parsing', 'invalid-attributes',
  'keep-tabular-data', 'links-in-tables', 'normalize-spaces', 'bbc-1', 'nytimes-1', 'wikipedia',
];

/** Fixtures (tests/fixtures/kinds) whose markup the corpus lacks: a declarative shadow root
 * (`<template shadowrootmode>`), which the browser's parser attaches and html5ever leaves as a template. */
const FIXTURES = ['declarative-shadow.html'];
const FIXTURE_DIR = path.join(ROOT, 'tests/fixtures/kinds');

const pages = process.env.LEDE_PARITY_ALL
  ? fs.readdirSync(CORPUS).filter((d) => fs.existsSync(path.join(CORPUS, d, 'source.html'))).sort()
  : PAGES;

let lede = process.env.LEDE_BIN;
let server;
let browser;
let context;

before(async () => {
  if (!lede) {
    execFileSync('cargo', ['build', '--quiet', '--bin', 'lede'], { cwd: ROOT, stdio: 'inherit' });
    const targetDir = process.env.CARGO_TARGET_DIR ?? path.join(ROOT, 'target');
    lede = path.join(targetDir, 'debug', 'lede');
  }
  server = await serve(
    Object.fromEntries(
      pages.map((p) => [
        `/${p}/source.html`,
        // serve() sends `charset=utf-8`: the native side reads bytes as UTF-8 (lossily), so the
        // browser must decode the same way whatever the page's <meta charset> says.
        {
          body: fs.readFileSync(path.join(CORPUS, p, 'source.html')),
          headers: { 'content-security-policy': "script-src 'none'" },
        },
      ]).concat(
        FIXTURES.map((f) => [
          `/fixtures/${f}`,
          {
            body: fs.readFileSync(path.join(FIXTURE_DIR, f)),
            headers: { 'content-security-policy': "script-src 'none'" },
          },
        ]),
      ),
    ),
  );
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'],
  });
  context = await browser.newContext();
  await context.route('**/*', (route) =>
    route.request().url().startsWith(server.origin) ? route.continue() : route.abort(),
  );
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** `lede FILE --snapshot` (the node objects) or, with `--wire`, the compact form the panel reads. */
function nativeSnapshot(file, url, form = '--snapshot') {
  const out = execFileSync(lede, [file, form, '--url', url], {
    maxBuffer: 256 * 1024 * 1024,
  });
  return out.toString('utf8').trim();
}

async function browserSnapshot(url) {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    return await page.evaluate(`${WALKER}\n;JSON.stringify(ledeSnapshot(null).snapshot)`);
  } finally {
    await page.close();
  }
}

/** "html > body > div#main > p" for node `i`, to say where a difference is. */
function where(nodes, i) {
  const chain = [];
  for (let j = i; j !== undefined; j = nodes[j]?.parent) {
    const n = nodes[j];
    if (!n) break;
    chain.unshift(n.tag ? n.tag + (n.attrs?.id ? `#${n.attrs.id}` : '') : '#text');
  }
  return chain.join(' > ');
}

function firstDifference(native, web) {
  const n = Math.max(native.nodes.length, web.nodes.length);
  for (let i = 0; i < n; i++) {
    try {
      assert.deepStrictEqual(web.nodes[i], native.nodes[i]);
    } catch {
      const show = (v) => JSON.stringify(v)?.slice(0, 400);
      return (
        `first difference at node ${i} (native ${native.nodes.length} nodes, browser ` +
        `${web.nodes.length})\n  native:  ${show(native.nodes[i])}  at ${where(native.nodes, i)}` +
        `\n  browser: ${show(web.nodes[i])}  at ${where(web.nodes, i)}`
      );
    }
  }
  return null;
}

/**
 * The browser's snapshot of `url` is the native one of `file`: decoded, node for node the objects of
 * `lede --snapshot`; and as JSON text, byte for byte `lede --wire` (the compact form the panel reads;
 * `Snapshot::from_wire` reads back exactly the snapshot `to_wire` wrote, a unit test in
 * src/snapshot.rs), so the wasm reads the browser's snapshot as the native builder's.
 */
async function sameSnapshot(file, url) {
  const webJson = await browserSnapshot(url);
  const native = JSON.parse(nativeSnapshot(file, url));
  const web = decodeWire(JSON.parse(webJson));
  assert.equal(web.url, native.url);
  const diff = firstDifference(native, web);
  assert.equal(diff, null, diff ?? '');
  // Same key order, numbers and escaping as serde_json: the two JSON texts are byte-identical.
  assert.ok(webJson === nativeSnapshot(file, url, '--wire'), 'same snapshot, different wire text');
}

describe('snapshot.js matches Snapshot::from_html', () => {
  for (const name of pages) {
    it(name, async () => {
      const url = `${server.origin}/${name}/source.html`;
      await sameSnapshot(path.join(CORPUS, name, 'source.html'), url);
    });
  }
});

describe('snapshot.js matches Snapshot::from_html on fixtures', () => {
  for (const name of FIXTURES) {
    it(name, async () => {
      await sameSnapshot(path.join(FIXTURE_DIR, name), `${server.origin}/fixtures/${name}`);
    });
  }
});
