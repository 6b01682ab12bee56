// The open/close shortcut (manifest `commands`, Alt+Shift+L) in Chromium, pressed on a keyboard.
//
// Headless Chromium has no browser window and no accelerator handling, so it never sees
// browser-level shortcuts: panel.test.mjs can only read the binding back (commands.getAll). Here
// Debian's Chromium runs with a real window on a private virtual X display (Xvfb, which picks a
// free display number itself, so parallel runs do not meet), and xdotool types the keys through the
// X server's XTEST extension, the way a keyboard does, into the focused Chromium window. Needs
// `Xvfb` and `xdotool` (scripts/setup.sh installs them).
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { ROOT, TEST_TIMEOUT_MS, launchWithExtension, panelFrame, serve, withTimeout } from './helpers.mjs';

const run = promisify(execFile);
const SAMPLE = fs.readFileSync(path.join(ROOT, 'tests/fixtures/sample/xi-putin-summit.html'));

/** Start Xvfb on a display number of its own choosing (`-displayfd`); resolves to ":N". */
function startXvfb() {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let log = '';
  xvfb.stderr.on('data', (d) => {
    log += d;
  });
  const display = new Promise((resolve, reject) => {
    let out = '';
    xvfb.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    xvfb.on('error', (e) => reject(new Error(`cannot start Xvfb (run scripts/setup.sh): ${e.message}`)));
    xvfb.on('exit', (code) => reject(new Error(`Xvfb exited with ${code}: ${log}`)));
  });
  return { process: xvfb, display: withTimeout(display, 15000, 'Xvfb -displayfd') };
}

let xvfb;
let display;
let browser;
let server;

/** Run xdotool on our display. */
const xdotool = (...args) => run('xdotool', args, { env: { ...process.env, DISPLAY: display }, timeout: 10000 });

/** Give the (only) visible Chromium window the X input focus, as clicking into it would. */
async function focusBrowserWindow() {
  const { stdout } = await xdotool('search', '--sync', '--onlyvisible', '--class', 'chromium');
  const windows = stdout.trim().split(/\s+/).filter(Boolean);
  assert.ok(windows.length >= 1, 'no Chromium window on the display');
  await xdotool('windowfocus', '--sync', windows[windows.length - 1]);
}

/** Press Alt+Shift+L on the keyboard (XTEST key events to the focused window). */
const pressShortcut = () => xdotool('key', '--clearmodifiers', 'alt+shift+l');

before(async () => {
  xvfb = startXvfb();
  display = await xvfb.display;
  server = await serve({ '/sample.html': { body: SAMPLE, headers: {} } });
  browser = await launchWithExtension({
    headless: false,
    env: { ...process.env, DISPLAY: display },
    extraArgs: ['--ozone-platform=x11', '--window-size=1280,900', '--window-position=0,0'],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
  xvfb?.process.kill();
});

describe('keyboard shortcut (Chromium with a window, under Xvfb)', () => {
  it('Alt+Shift+L opens the panel with focus inside it, and pressed again closes it', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(`${server.origin}/sample.html`);
    await page.bringToFront();
    await focusBrowserWindow();
    await page.waitForFunction(() => document.hasFocus());
    await page.locator('a').first().focus();
    const link = await page.evaluate(() => document.activeElement.outerHTML);
    assert.equal(await page.evaluate(() => document.querySelector('html > lede-panel')), null);

    // A key that is not the shortcut opens nothing (the keys reach the page, the panel stays shut).
    await page.evaluate(() => {
      globalThis.keysSeen = [];
      addEventListener('keydown', (e) => globalThis.keysSeen.push(`${e.altKey ? 'Alt+' : ''}${e.shiftKey ? 'Shift+' : ''}${e.code}`));
    });
    await xdotool('key', '--clearmodifiers', 'alt+shift+k');
    await page.waitForFunction(() => globalThis.keysSeen.includes('Alt+Shift+KeyK'));

    await pressShortcut();
    await page.waitForFunction(() => document.querySelector('html > lede-panel') !== null);
    const frame = await panelFrame(page);
    await frame.waitForSelector('.lede[data-state]');
    // Focus moved into the panel: its Copy button is the focused element of a focused document.
    await frame.waitForFunction(() => document.activeElement?.dataset.act === 'copy' && document.hasFocus());
    assert.equal(await page.evaluate(() => document.activeElement.localName), 'lede-panel');
    // The shortcut itself never reached the page: the browser took it.
    assert.ok(!(await page.evaluate(() => globalThis.keysSeen.includes('Alt+Shift+KeyL'))));

    // Pressed again (focus is inside the panel now), it closes the panel and focus goes back.
    await pressShortcut();
    await page.waitForFunction(() => !document.querySelector('html > lede-panel'));
    await page.waitForFunction((html) => document.activeElement.outerHTML === html && document.hasFocus(), link);

    // And it opens again: the shortcut toggles, it does not just close.
    await pressShortcut();
    await page.waitForFunction(() => document.querySelector('html > lede-panel') !== null);
    await pressShortcut();
    await page.waitForFunction(() => !document.querySelector('html > lede-panel'));
  });
});
