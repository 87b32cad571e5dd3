// Shared setup for the browser tests: a static server for the built page (node http, no
// dependencies), headless Chromium through playwright-core, and helpers that talk to the app's
// embind test hooks (wasm/app/platform_web.cpp).
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before } from 'node:test';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

/// The built web folder (index.html, dyad-app.js/.wasm, dyad.html) and where screenshots go.
export const webDir = process.env.DYAD_WEB_DIR || path.resolve('build/wasm/web');
export const outDir = process.env.DYAD_E2E_OUT || path.resolve('build/wasm/e2e');
fs.mkdirSync(outDir, { recursive: true });

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/// Serves `dir` on 127.0.0.1 at a free port. Returns { url, close(), requests } where requests
/// lists every path asked for (to check that nothing is fetched after load).
export async function serve(dir = webDir) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(urlPath);
    const file = path.join(dir, urlPath.endsWith('/') ? urlPath + 'index.html' : urlPath);
    if (!file.startsWith(path.resolve(dir))) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, {
        'content-type': MIME[path.extname(file)] || 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(data);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/// file:// URL of a file in the web folder.
export function fileUrl(name) {
  return pathToFileURL(path.join(webDir, name)).href;
}

const chromiumPath = () =>
  // CMake passes "…-NOTFOUND" when it found no Chromium; fall back to Debian's path then.
  process.env.DYAD_CHROMIUM && !process.env.DYAD_CHROMIUM.endsWith('NOTFOUND') ? process.env.DYAD_CHROMIUM : '/usr/bin/chromium';

/// Headless Chromium with WebGL2 through SwiftShader (docs: imgui-web.md section 7).
export async function launch() {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs });
}

/// A browser with its profile (and so its localStorage) in `userDataDir`, which outlives the
/// browser: for tests that kill the browser and start it again.
export async function launchPersistent(userDataDir, options = {}) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(), headless: true, args: chromiumArgs,
    viewport: { width: 1100, height: 700 }, deviceScaleFactor: 1, ...options,
  });
}

/// Kills (SIGKILL, like a crash) the browser started by launchPersistent(userDataDir): the
/// process whose command line names that profile and that is not a child (--type=...).
export function killBrowser(userDataDir) {
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let args;
    try {
      args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (args.some((a) => a === `--user-data-dir=${userDataDir}`) && !args.some((a) => a.startsWith('--type='))) {
      process.kill(Number(pid), 'SIGKILL');
      return Number(pid);
    }
  }
  throw new Error(`no browser running with profile ${userDataDir}`);
}

const chromiumArgs = [
      '--no-sandbox',
      '--enable-unsafe-swiftshader',
      '--use-angle=swiftshader',
      '--ignore-gpu-blocklist',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-default-apps',
      '--disable-extensions',
      '--disable-sync',
      '--no-first-run',
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
];

/// A page with console errors collected in page.errors.
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({
    viewport: { width: 1100, height: 700 },
    deviceScaleFactor: 1,
    ...options,
  });
  return watchPage(await context.newPage());
}

/// The setup every test file shares, as node:test hooks: a static server for the built page
/// (unless `served: false`, for file:// tests) and one headless Chromium, started before the
/// file's first test and closed after its last. Returns an object filled in by then:
///   env.browser, env.server (url, requests), env.url,
///   env.newPage(options)  a page with errors collected (newPage below),
///   env.open(options)     such a page with the app loaded and its first frame drawn,
///   env.ready             a promise settled when the server and browser are up: node 20 runs a
///                         file's root-level before() hooks concurrently, so a file's own before()
///                         starts with `await env.ready`.
export function useBrowser({ served = true } = {}) {
  let started;
  const ready = new Promise((resolve, reject) => {
    started = { resolve, reject };
  });
  ready.catch(() => {});  // reported by the hook below
  const env = {
    ready,
    server: null,
    browser: null,
    get url() {
      return env.server.url;
    },
    newPage: (options = {}) => newPage(env.browser, options),
    async open(options = {}, url = env.url) {
      const page = await newPage(env.browser, options);
      await page.goto(url);
      await waitForApp(page);
      return page;
    },
  };
  before(async () => {
    try {
      if (served) env.server = await serve();
      env.browser = await launch();
      started.resolve(env);
    } catch (e) {
      started.reject(e);
      throw e;
    }
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/// Collects a page's errors (page.errors) and every console message (page.messages).
export function watchPage(page) {
  page.errors = [];
  page.messages = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => {
    page.messages.push(`${m.type()}: ${m.text()}`);
    if (m.type() === 'error') page.errors.push(m.text());
  });
  return page;
}

/// Waits until the app has drawn its first frame and its test hooks exist.
export async function waitForApp(page, timeout = 30000) {
  await page.waitForFunction(
    () => window.Module && typeof window.Module.testFramesDrawn === 'function' &&
          window.Module.testFramesDrawn() > 0 && document.body.classList.contains('dyad-ready'),
    null, { timeout });
}

/// Pastes `text` as a real browser paste event would deliver it (no OS clipboard involved).
export async function pasteText(page, text) {
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    const target = document.activeElement || document.body;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

export const documentJson = (page) => page.evaluate(() => JSON.parse(window.Module.testDocumentJson()));
export const appState = (page) => page.evaluate(() => JSON.parse(window.Module.testStateJson()));
export const framesDrawn = (page) => page.evaluate(() => window.Module.testFramesDrawn());
export const loopTicks = (page) => page.evaluate(() => window.Module.testLoopTicks());

/// Waits until `predicate(state, arg)` holds for the app state (testStateJson) and returns that
/// state. Polled from node: the page's Content-Security-Policy forbids the string evaluation
/// Playwright's waitForFunction would need for a predicate with arguments.
export async function waitForState(page, predicate, arg = null, timeout = 30000) {
  const start = Date.now();
  for (;;) {
    const state = await appState(page);
    if (predicate(state, arg)) return state;
    if (Date.now() - start > timeout) {
      throw new Error(`waitForState timed out after ${timeout} ms: ${predicate}\nlast state: ${JSON.stringify(state).slice(0, 2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
}

/// Waits until no frame has been drawn for `quietMs` (the app went idle).
export async function waitForIdle(page, quietMs = 300, timeout = 10000) {
  const start = Date.now();
  let last = await framesDrawn(page);
  let lastChange = Date.now();
  while (Date.now() - start < timeout) {
    await page.waitForTimeout(50);
    const now = await framesDrawn(page);
    if (now !== last) {
      last = now;
      lastChange = Date.now();
    } else if (Date.now() - lastChange >= quietMs) {
      // A debounced autosave (or its IndexedDB write) still to come redraws the status bar.
      const s = await appState(page);
      if (!s.saveDue && !s.savesInFlight) return last;
      lastChange = Date.now();
    }
  }
  throw new Error(`app never went idle (frames still being drawn after ${timeout} ms)`);
}

export function screenshotPath(name) {
  return path.join(outDir, name);
}

/// Rectangle (CSS pixels) of a widget or "mention:<id>" / "text:<cp>:<cp>" from the app's test
/// hook, or null.
export async function rectOf(page, key) {
  return page.evaluate((k) => {
    const r = JSON.parse(window.Module.testItemRect(k));
    if (!r) return null;
    const d = window.devicePixelRatio || 1;
    return { x0: r.x0 / d, y0: r.y0 / d, x1: r.x1 / d, y1: r.y1 / d, cx: (r.x0 + r.x1) / 2 / d, cy: (r.y0 + r.y1) / 2 / d };
  }, key);
}

/// Waits until widget `key` is on screen where it will stay: drawn with an area, and either the
/// app has no frames pending or the rectangle survived a newly drawn frame (layouts settle over
/// the first frames after a change, e.g. a tab bar's first frame). Returns it in CSS pixels.
export async function settledRect(page, key, timeout = 10000) {
  await page.waitForFunction((k) => {
    const M = window.Module;
    const rect = M.testItemRect(k);
    const frames = M.testFramesDrawn();
    const seen = (window.__dyadRects ||= {});
    const before = seen[k];
    seen[k] = { rect, frames };
    if (rect === 'null') return false;
    const r = JSON.parse(rect);
    if (!(r.x1 > r.x0 && r.y1 > r.y0)) return false;
    if (!M.testFramesPending()) return true;
    return !!before && before.rect === rect && before.frames !== frames;
  }, key, { timeout, polling: 30 });
  return rectOf(page, key);
}

/// The screen's pixels under `rect` (CSS pixels, as rectOf returns) as { width, height, rgba }:
/// a compositor screenshot, decoded in the page (no PNG decoder in node; the page's CSP allows
/// data: images).
export async function pixelsOf(page, rect) {
  const clip = {
    x: Math.floor(rect.x0), y: Math.floor(rect.y0),
    width: Math.max(1, Math.ceil(rect.x1) - Math.floor(rect.x0)), height: Math.max(1, Math.ceil(rect.y1) - Math.floor(rect.y0)),
  };
  const png = await page.screenshot({ clip });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    return { width: c.width, height: c.height, rgba: Array.from(g.getImageData(0, 0, c.width, c.height).data) };
  }, png.toString('base64'));
}

/// Which pixels of `pixels` are ink: further than `threshold` (sum of RGB differences) from the
/// background colour `bg` ([r, g, b]). Returns a 0/1 array, row by row.
export function inkMask(pixels, bg, threshold = 120) {
  const mask = [];
  for (let i = 0; i < pixels.rgba.length; i += 4) {
    const d = Math.abs(pixels.rgba[i] - bg[0]) + Math.abs(pixels.rgba[i + 1] - bg[1]) + Math.abs(pixels.rgba[i + 2] - bg[2]);
    mask.push(d > threshold ? 1 : 0);
  }
  return mask;
}

/// Clicks the centre of a widget found through the test hook, once it has settled.
export async function clickItem(page, key, options = {}) {
  const r = await settledRect(page, key);
  await page.mouse.move(r.cx, r.cy);
  await page.waitForTimeout(40);
  await page.mouse.down(options);
  await page.waitForTimeout(60);  // ImGui 1.86 loses presses shorter than a frame
  await page.mouse.up(options);
  await page.waitForTimeout(60);
  return r;
}

/// A real mouse drag from (x0, y0) to (x1, y1) in steps, slow enough for ImGui to see each frame.
export async function drag(page, x0, y0, x1, y1, steps = 8) {
  await page.mouse.move(x0, y0);
  await page.waitForTimeout(40);
  await page.mouse.down();
  await page.waitForTimeout(60);
  for (let i = 1; i <= steps; ++i) {
    await page.mouse.move(x0 + ((x1 - x0) * i) / steps, y0 + ((y1 - y0) * i) / steps);
    await page.waitForTimeout(30);
  }
  await page.waitForTimeout(60);
  await page.mouse.up();
  await page.waitForTimeout(80);
}

/// Presses a key long enough for one ImGui frame to see it.
export async function press(page, key) {
  await page.keyboard.press(key, { delay: 60 });
  await page.waitForTimeout(60);
}

/// Accepts the first suggested mention through its menu (real clicks), then waits until the
/// autosave after it has finished, saved or failed. Returns the state then.
export async function acceptSuggestionAndWaitForSave(page) {
  const before = await appState(page);
  const mention = (await documentJson(page)).mentions.find((m) => m.status === 'suggested');
  if (!mention) throw new Error('no suggested mention to accept');
  await clickItem(page, `mention:${mention.id}`);
  await clickItem(page, 'mention-menu:accept');
  await waitForState(page, (s, n) => s.commandsApplied > n, before.commandsApplied);
  return waitForState(page, (s, n) => s.saves + s.saveFailures > n && s.savesInFlight === 0, before.saves + before.saveFailures);
}

/// Opens a file through File > Open file… and the browser's file chooser.
export async function openFile(page, name, contents, mimeType = 'application/json') {
  const chooser = page.waitForEvent('filechooser');
  await clickItem(page, 'menu:File');
  await clickItem(page, 'item:Open file');
  const buffer = Buffer.isBuffer(contents) ? contents : Buffer.from(contents, 'utf8');
  await (await chooser).setFiles({ name, mimeType, buffer });
}

/// The autosave record the page stored (web/dyad-shell.js: IndexedDB 'dyad', store 'autosave',
/// 'current' names the record), or null. Read in the page, as the page would.
export async function autosaveRecord(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open('dyad', 1);
    req.onupgradeneeded = () => req.result.createObjectStore('autosave');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction('autosave', 'readonly');
      const os = tx.objectStore('autosave');
      let value = null;
      const ptr = os.get('current');
      ptr.onsuccess = () => {
        if (typeof ptr.result !== 'number') return;
        const rec = os.get('record:' + ptr.result);
        rec.onsuccess = () => { value = rec.result ?? null; };
      };
      tx.oncomplete = () => { db.close(); resolve(value); };
      tx.onerror = () => reject(tx.error);
    };
  }));
}

/// Overwrites the current autosave record in place (to damage it on purpose).
export async function overwriteAutosaveRecord(page, value) {
  return page.evaluate((v) => new Promise((resolve, reject) => {
    const req = indexedDB.open('dyad', 1);
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction('autosave', 'readwrite');
      const os = tx.objectStore('autosave');
      const ptr = os.get('current');
      ptr.onsuccess = () => os.put(v, 'record:' + ptr.result);
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }), value);
}

let dyadModule;
/// The embind module (web/dyad.js) under node, for checking files the page wrote:
/// `(await dyadModule()).validate(json)`.
export async function loadDyadModule() {
  if (!dyadModule) {
    const require = createRequire(import.meta.url);
    dyadModule = await require(path.join(webDir, 'dyad.js'))();
  }
  return dyadModule;
}

/// Asserts-ready check of a dyad/1 JSON string with the module's own validator.
export async function validateDyad(json) {
  const m = await loadDyadModule();
  return JSON.parse(m.validate(json));
}
