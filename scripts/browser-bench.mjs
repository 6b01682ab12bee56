#!/usr/bin/env node
// Browser benchmark: Lede in headless Chromium beside Mozilla Readability, on every page of
// ../shared/corpus/readability (or $LEDE_CORPUS), in the same run.
//
// usage: node scripts/browser-bench.mjs [--runs N] [--pages a,b,c] [--json out/bench/browser.json]
//
// Each page is served from 127.0.0.1 with `Content-Security-Policy: script-src 'none'` (page scripts
// off; the extension's content scripts are not subject to the page's CSP) and every other request
// aborted. Per page, N times (default 5), medians reported:
//   * Readability: `new Readability(document.cloneNode(true)).parse()`, evaluated in the page;
//   * Lede: a real toolbar click (CDP Extensions.triggerAction), then the timings the extension records
//     in the panel document (`globalThis.ledeTimings`, see extension/panel.js):
//       snapshot   content script: DOM walk + JSON.stringify (ms), on the page's main thread;
//       block      content script: its whole synchronous run on the page's main thread (ms);
//       transfer   snapshot message, content script → panel (ms);
//       analyse    wasm: JSON → Snapshot → Summary (ms);
//       render     wasm: the panel DOM from the Summary (ms);
//       paint      toolbar click → first frame after the panel rendered (ms);
//       highlights toolbar click → highlights registered in the page (ms);
//     then a second click closes the panel.
// Prints a Markdown table (p50, p90, max over pages) and the ratio (snapshot + analyse) / Readability
// at p50 and p90 of the per-page ratios; --json writes the per-page medians.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { launchWithExtension, panelFrame, ROOT, serve, triggerAction } from '../tests/e2e/helpers.mjs';

const require = createRequire(import.meta.url);
const READABILITY = fs.readFileSync(require.resolve('@mozilla/readability/Readability.js'), 'utf8');

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const RUNS = Number(opt('--runs', 5));
const CORPUS = process.env.LEDE_CORPUS ?? path.resolve(ROOT, '../shared/corpus/readability');
const pages = (opt('--pages', '') || '').split(',').filter(Boolean);
const names = pages.length
  ? pages
  : fs
      .readdirSync(CORPUS)
      .filter((d) => fs.existsSync(path.join(CORPUS, d, 'source.html')))
      .sort();

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};
const quantile = (xs, q) => {
  const s = [...xs].filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};

const server = await serve(
  Object.fromEntries(
    names.map((p) => [
      `/${p}/source.html`,
      {
        body: fs.readFileSync(path.join(CORPUS, p, 'source.html')),
        headers: { 'content-security-policy': "script-src 'none'" },
      },
    ]),
  ),
);
const browser = await launchWithExtension();
const { context, extensionId } = browser;
await context.route('**/*', (route) => {
  const url = route.request().url();
  return url.startsWith(server.origin) || url.startsWith('chrome-extension://')
    ? route.continue()
    : route.abort();
});

const METRICS = ['snapshot', 'block', 'transfer', 'analyse', 'render', 'paint', 'highlights', 'readability'];
const results = [];
const page = await context.newPage();
for (const name of names) {
  const url = `${server.origin}/${name}/source.html`;
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 20000 });
  } catch (e) {
    console.error(`${name}: load failed (${e.message.split('\n')[0]})`);
    continue;
  }
  const runs = Object.fromEntries(METRICS.map((m) => [m, []]));
  for (let r = 0; r < RUNS; r++) {
    runs.readability.push(
      await page.evaluate(`(() => { ${READABILITY};
        const t = performance.now();
        new Readability(document.cloneNode(true)).parse();
        return performance.now() - t; })()`),
    );
  }
  for (let r = 0; r < RUNS; r++) {
    const clickAt = Date.now();
    await triggerAction(context, page, extensionId);
    const frame = await panelFrame(page);
    const t = await frame
      .waitForFunction(() => globalThis.ledeTimings?.highlightsAt, null, { timeout: 15000 })
      .then(() => frame.evaluate(() => globalThis.ledeTimings));
    runs.snapshot.push(t.snapshotMs);
    runs.block.push(t.blockMs);
    runs.transfer.push(t.receivedAt - t.sentAt);
    runs.analyse.push(t.analyseMs);
    runs.render.push(t.renderMs);
    runs.paint.push(t.paintAt - clickAt);
    runs.highlights.push(t.highlightsAt - clickAt);
    await triggerAction(context, page, extensionId); // second click closes the panel
    await page.waitForFunction(() => !document.querySelector('html > lede-panel'));
  }
  const row = { page: name, ...Object.fromEntries(METRICS.map((m) => [m, median(runs[m])])) };
  row.ratio = (row.snapshot + row.analyse) / row.readability;
  results.push(row);
  process.stderr.write(
    `${name}: snapshot ${row.snapshot.toFixed(1)} analyse ${row.analyse.toFixed(1)} ` +
      `readability ${row.readability.toFixed(1)} paint ${row.paint.toFixed(0)} ms\n`,
  );
}
const version = context.browser()?.version() ?? '';
await browser.close();
await server.close();

const fmt = (v) => (Number.isFinite(v) ? v.toFixed(1) : 'n/a');
console.log(`Chromium ${version} headless, ${results.length} pages, ` +
  `median of ${RUNS} runs per page.\n`);
console.log('| ms | p50 | p90 | max |');
console.log('|---|---|---|---|');
for (const m of METRICS) {
  const xs = results.map((r) => r[m]);
  console.log(`| ${m} | ${fmt(quantile(xs, 0.5))} | ${fmt(quantile(xs, 0.9))} | ${fmt(Math.max(...xs))} |`);
}
const ratios = results.map((r) => r.ratio);
console.log(
  `\n(snapshot + analyse) / Readability parse(), per page: p50 ${quantile(ratios, 0.5).toFixed(2)}, ` +
    `p90 ${quantile(ratios, 0.9).toFixed(2)}`,
);
const largest = results.reduce((a, r) => (r.block > (a?.block ?? -1) ? r : a), null);
if (largest) {
  console.log(`longest content-script block: ${largest.block.toFixed(1)} ms (${largest.page})`);
}
const out = opt('--json', null);
if (out) {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(results, null, 1));
}
