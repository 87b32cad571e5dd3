// The text stays in the tab: a Content-Security-Policy that allows only the page's own code and
// WebAssembly (no eval), no request after load whatever is pasted or opened (URLs, HTML), and the
// text never in the URL, the title or the console.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import {
  clickItem, documentJson, fileUrl, openFile, pasteText, rectOf, useBrowser, waitForApp, waitForIdle,
  waitForState, webDir,
} from './support.mjs';

const env = useBrowser();

/// The Content-Security-Policy of an HTML file, from its meta tag.
function policyOf(file) {
  const html = fs.readFileSync(path.join(webDir, file), 'utf8');
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(m, `${file} has no Content-Security-Policy`);
  return Object.fromEntries(m[1].split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v]));
}

/// Records Content-Security-Policy violations in window.__violations from the first script on.
const recordViolations = () => {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
};

test('the served page and the single file allow only their own scripts and WebAssembly, and no eval', async () => {
  const served = policyOf('index.html');
  assert.deepEqual(served['default-src'], ["'none'"]);
  assert.deepEqual(served['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(served['connect-src'], ["'self'"]);
  const single = policyOf('dyad.html');
  assert.deepEqual(single['default-src'], ["'none'"]);
  assert.ok(single['script-src'].every((s) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(s) || s === "'wasm-unsafe-eval'"), single['script-src'].join(' '));
  assert.ok(single['style-src'].every((s) => /^'sha256-/.test(s)));
  assert.deepEqual(single['connect-src'], ['data:'], 'the single file reads only its inlined wasm');
  for (const p of [served, single]) {
    const all = Object.values(p).flat();
    assert.ok(!all.includes("'unsafe-eval'") && !all.includes("'unsafe-inline'"), JSON.stringify(p));
  }
  // The emscripten glue was linked without dynamic code (embind builds its invokers as closures).
  const glue = fs.readFileSync(path.join(webDir, 'dyad-app.js'), 'utf8');
  assert.ok(!/new Function|\beval\(/.test(glue), 'dyad-app.js contains eval or new Function');

  for (const url of [env.url, fileUrl('dyad.html')]) {
    const page = await env.newPage({ acceptDownloads: true });
    await page.addInitScript(recordViolations);
    await page.goto(url);
    await waitForApp(page);
    await pasteText(page, 'Georgia and Armenia agreed on Tuesday to open a second crossing near Guguti.');
    await waitForState(page, (s) => s.hasDocument);
    const download = page.waitForEvent('download');
    await clickItem(page, 'menu:File');
    await clickItem(page, 'item:Download JSON');
    await download;
    await waitForIdle(page);
    assert.deepEqual(await page.evaluate(() => window.__violations), [], `violations while working in ${url}`);
    // A string handed to the page's own timer is not evaluated.
    await page.evaluate(() => setTimeout('window.__evaluated = true', 0));
    await page.waitForFunction(() => window.__violations.length > 0);
    assert.equal(await page.evaluate(() => window.__evaluated), undefined);
    assert.match((await page.evaluate(() => window.__violations))[0], /^script-src eval/);
    await page.close();
  }
});

const HOSTILE = (origin) => [
  'Aliyev met Pashinyan in Washington, according to https://example.com/track?id=123 and http://tracker.invalid/p.gif.',
  `<img src="${origin}leak.png"> <img src="https://example.com/pixel.gif" onerror="fetch('${origin}onerror')">`,
  `<script src="${origin}evil.js"></script><script>fetch('${origin}inline')</script>`,
  `<link rel="stylesheet" href="${origin}style.css"><link rel="prefetch" href="${origin}prefetch">`,
  `<iframe src="${origin}frame.html"></iframe><a href="${origin}link">a link</a>`,
  `<style>body{background:url(${origin}bg.png)}</style><video src="${origin}v.mp4" autoplay></video>`,
  `javascript:fetch('${origin}js') data:text/html,<script>alert(1)</script> @import url(${origin}imp.css);`,
].join('\n\n');

test('nothing is requested after load, whatever is pasted, dropped or opened', async () => {
  const page = await env.newPage({ acceptDownloads: true });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url });
  await page.addInitScript(recordViolations);
  await page.goto(env.url);
  await waitForApp(page);
  const served = env.server.requests.length;
  const late = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('blob:') && !r.url().startsWith('data:')) late.push(r.url());
  });
  page.on('dialog', (d) => {
    late.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  const text = HOSTILE(env.url);

  await pasteText(page, text);
  await waitForState(page, (s) => s.hasDocument);
  assert.equal((await documentJson(page)).text, text);
  await openFile(page, 'hostile.txt', text, 'text/plain');
  await waitForState(page, (s) => s.articlesLoaded === 2);
  const doc = await documentJson(page);
  await openFile(page, 'hostile.dyad.json', JSON.stringify({ ...doc, meta: { ...doc.meta, title: `<img src="${env.url}title.png">`, url: `${env.url}meta-url` } }));
  await waitForState(page, (s) => s.status.startsWith('Loaded hostile.dyad.json'));
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/html', t);
    dt.setData('text/plain', t);
    const canvas = document.getElementById('canvas');
    canvas.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, text);
  await waitForState(page, (s) => s.articlesLoaded === 4);

  // Work with it: hover and click a mention, download, copy.
  const mention = (await documentJson(page)).mentions[0];
  if (mention) {
    const r = await rectOf(page, `mention:${mention.id}`);
    await page.mouse.move(r.cx, r.cy);
    await clickItem(page, `mention:${mention.id}`);
    await waitForState(page, (s) => s.popupOpen);
    await page.screenshot({ path: '/tmp/scratch/menu.png' });
    await page.mouse.click(5, 690);  // outside the menu: closes it
    await waitForState(page, (s) => !s.popupOpen);
  }
  const download = page.waitForEvent('download');
  await clickItem(page, 'menu:File');
  await clickItem(page, 'item:Download JSON');
  await download;
  await clickItem(page, 'menu:File');
  await clickItem(page, 'item:Copy JSON');
  await waitForState(page, (s) => s.status === 'JSON copied to the clipboard');
  await waitForIdle(page);
  // The screen-reader mirror shows the markup as text: no element was made from it.
  await page.waitForFunction(() => document.querySelector('#dyad-mirror').textContent.includes('<img src='));
  assert.equal(await page.evaluate(() => document.querySelectorAll('#dyad-mirror img, #dyad-mirror script, #dyad-mirror iframe, #dyad-mirror link, #dyad-mirror style, #dyad-mirror video, #dyad-mirror a').length), 0);

  assert.deepEqual(late, [], 'requests after load');
  assert.equal(env.server.requests.length, served, `the server was asked for ${env.server.requests.slice(served).join(', ')}`);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the text never appears in the URL, the title, the history or the console', async () => {
  const marker = `MARKER-${Date.now().toString(36)}-Çavuşoğlu`;
  const page = await env.open({ acceptDownloads: true });
  const title = await page.title();
  const history = await page.evaluate(() => history.length);
  await pasteText(page, `Georgia and Armenia agreed on Tuesday (${marker}) to open a crossing. Kobakhidze hosted Pashinyan.`);
  await waitForState(page, (s) => s.hasDocument && s.saves > 0);
  const mention = (await documentJson(page)).mentions.find((m) => m.status === 'suggested');
  if (mention) {
    await clickItem(page, `mention:${mention.id}`);
    await clickItem(page, 'mention-menu:accept');
    await waitForState(page, (s) => s.commandsApplied > 0);
  }
  const download = page.waitForEvent('download');
  await clickItem(page, 'menu:File');
  await clickItem(page, 'item:Download JSON');
  await download;
  await openFile(page, 'broken.dyad.json', `{"schema":"dyad/1","text":"${marker}",`);
  await waitForState(page, (s) => s.popupOpen && s.loadErrors.length > 0);
  await clickItem(page, 'button:OK');
  await page.reload();
  await waitForApp(page);
  await waitForState(page, (s) => s.hasDocument);

  const inUrl = (u) => decodeURIComponent(u).includes(marker) || u.includes(encodeURIComponent(marker));
  assert.ok(!inUrl(page.url()), page.url());
  assert.equal(new URL(page.url()).hash, '');
  assert.equal(new URL(page.url()).search, '');
  assert.equal(await page.title(), title);
  assert.equal(await page.evaluate(() => history.length), history);
  const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.ok(!resources.some(inUrl), resources.join(' '));
  const leaks = page.messages.filter((m) => m.includes(marker) || m.includes('MARKER-'));
  assert.deepEqual(leaks, [], 'the text reached the console');
  assert.deepEqual(page.errors, []);
  await page.close();
});
