// More of the annotator as a person uses it: Copy JSON, renaming an actor, negating a relation and
// changing its modality, arcs that stay readable on a crowded line, and a reload that brings back
// exactly the same view (annotations, theme, arcs: the same pixels).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { caucasusDocument, makeDocument } from './fixtures.mjs';
import {
  appState, clickItem, documentJson, openFile, press, rectOf, screenshotPath, useBrowser, waitForApp,
  waitForIdle, waitForState,
} from './support.mjs';

const env = useBrowser();

async function pageWith(doc, options = {}) {
  const page = await env.open({ viewport: { width: 1280, height: 800 }, ...options });
  await openFile(page, 'test.dyad.json', JSON.stringify(doc));
  await waitForState(page, (s) => s.status === 'Loaded test.dyad.json');
  return page;
}

test('Copy JSON puts the document on the clipboard', async () => {
  const page = await pageWith(caucasusDocument());
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url });
  await clickItem(page, 'menu:File');
  await clickItem(page, 'item:Copy JSON');
  await waitForState(page, (s) => s.status === 'JSON copied to the clipboard');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.deepEqual(JSON.parse(copied), await documentJson(page));
  assert.match(copied, /^\{\n {2}"schema": "dyad\/1"/, 'pretty-printed');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('an actor is renamed in the actors panel (typed, including non-ASCII letters), and undo brings the name back', async () => {
  const page = await pageWith(caucasusDocument());
  await clickItem(page, 'tab:actors');
  await clickItem(page, 'actor:a3');
  await waitForState(page, (s) => s.selectedActor === 'a3');
  await clickItem(page, 'actor-editor:name');
  await waitForState(page, (s) => s.textInput);
  await press(page, 'Control+a');
  await page.keyboard.type('Irakli Kobakhidze (PM) ');
  // Letters off the US layout arrive as keypress events, as from a Turkish keyboard.
  for (const ch of 'Şə') {
    await page.evaluate((c) => window.dispatchEvent(new KeyboardEvent('keypress', { key: c, charCode: c.codePointAt(0), bubbles: true })), ch);
    await page.waitForTimeout(40);
  }
  await press(page, 'Enter');
  await page.waitForFunction(() => JSON.parse(window.Module.testDocumentJson()).actors.find((a) => a.id === 'a3').name === 'Irakli Kobakhidze (PM) Şə');
  const state = await appState(page);
  assert.match(state.history.at(-1), /[Rr]ename/);
  await page.screenshot({ path: screenshotPath('actor-renamed.png') });
  await page.mouse.click(300, 700);
  await press(page, 'Control+z');
  await page.waitForFunction(() => JSON.parse(window.Module.testDocumentJson()).actors.find((a) => a.id === 'a3').name === 'Irakli Kobakhidze');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('Tab walks the suggestions even when the actor editor is open, instead of jumping into its text fields', async () => {
  const page = await pageWith(caucasusDocument());
  await clickItem(page, 'tab:actors');
  await clickItem(page, 'actor:a3');
  await waitForState(page, (s) => s.selectedActor === 'a3');
  // Give the panel itself the keyboard focus: click its empty space, above the editor's fields.
  const name = await rectOf(page, 'actor-editor:name');
  await page.mouse.click(name.x1 + 20, name.y0 - 12);
  for (let i = 0; i < 3; ++i) {
    const before = await appState(page);
    await press(page, 'Tab');
    const state = await waitForState(page, (s, b) => s.selectedMention !== b || s.selectedRelation !== '', before.selectedMention);
    assert.equal(state.textInput, false, 'the keyboard stayed out of the text fields');
  }
  const before = await documentJson(page);
  await press(page, 'x');
  await waitForIdle(page);
  assert.deepEqual(await documentJson(page), before);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a relation is negated and its modality changed in the relations panel; the arc label says NOT', async () => {
  const page = await pageWith(caucasusDocument());
  await clickItem(page, 'tab:relations');
  await clickItem(page, 'relation:r1');
  await waitForState(page, (s) => s.selectedRelation === 'r1');
  await clickItem(page, 'relation-editor:negated');
  await page.waitForFunction(() => JSON.parse(window.Module.testDocumentJson()).relations.find((r) => r.id === 'r1').negated === true);
  let state = await waitForState(page, (s) => s.article.labels.some((l) => l.relation === 'r1' && l.text === 'NOT AGREE'));

  await clickItem(page, 'relation-editor:modality');
  await clickItem(page, 'modality:planned');
  await page.waitForFunction(() => JSON.parse(window.Module.testDocumentJson()).relations.find((r) => r.id === 'r1').modality === 'planned');
  await waitForIdle(page);
  await page.screenshot({ path: screenshotPath('relation-negated-planned.png') });
  const r1 = (await documentJson(page)).relations.find((r) => r.id === 'r1');
  assert.equal(r1.negated, true);
  assert.equal(r1.modality, 'planned');
  assert.equal(r1.type, 'AGREE', 'type unchanged');
  // The mirror for screen readers reads it too.
  await page.waitForFunction(() => document.querySelector('#dyad-mirror').textContent.includes('NOT AGREE'));

  await page.mouse.click(300, 700);
  await press(page, 'Control+z');
  await page.waitForFunction(() => JSON.parse(window.Module.testDocumentJson()).relations.find((r) => r.id === 'r1').modality === 'asserted');
  await press(page, 'Control+z');
  await page.waitForFunction(() => JSON.parse(window.Module.testDocumentJson()).relations.find((r) => r.id === 'r1').negated === false);
  state = await appState(page);
  assert.equal(state.canRedo, true);
  assert.deepEqual(page.errors, []);
  await page.close();
});

/// Six actors in one sentence and eleven relations among them, plus a wrapped second sentence
/// with relations across lines.
function crowdedDocument() {
  const text = 'Georgia, Armenia, Azerbaijan, Turkey, Iran and Russia met in Baku. ' +
    'Later that week Armenia accused Azerbaijan of shelling villages near the border, and Turkey and Iran both urged restraint while Russia offered to mediate.';
  const names = [['Georgia', 'GEO'], ['Armenia', 'ARM'], ['Azerbaijan', 'AZE'], ['Turkey', 'TUR'], ['Iran', 'IRN'], ['Russia', 'RUS']];
  const actors = names.map(([name, code], i) => ({ id: `a${i + 1}`, name, type: 'STATE', country: code, code }));
  const mentions = names.map(([name], i) => ({ id: `m${i + 1}`, actor: `a${i + 1}`, surface: name }));
  const later = [['m7', 'a2', 'Armenia'], ['m8', 'a3', 'Azerbaijan'], ['m9', 'a4', 'Turkey'], ['m10', 'a5', 'Iran'], ['m11', 'a6', 'Russia']];
  for (const [id, actor, surface] of later) mentions.push({ id, actor, surface, n: 1 });
  const pairs = [[1, 2], [1, 3], [2, 3], [3, 4], [4, 5], [5, 6], [1, 6], [2, 5], [1, 4], [3, 6], [2, 4]];
  const relations = pairs.map(([s, t], i) => ({
    id: `r${i + 1}`, source: `a${s}`, target: `a${t}`, sm: `m${s}`, tm: `m${t}`, type: 'CONSULT', cameo: '040', trigger: 'met',
    status: i % 3 === 0 ? 'suggested' : 'accepted', confidence: 0.7,
  }));
  relations.push(
    { id: 'r12', source: 'a2', target: 'a3', sm: 'm7', tm: 'm8', type: 'ACCUSE', cameo: '112', trigger: 'accused' },
    { id: 'r13', source: 'a4', target: 'a2', sm: 'm9', tm: 'm7', type: 'REQUEST', cameo: '100', trigger: 'urged' },
    { id: 'r14', source: 'a5', target: 'a3', sm: 'm10', tm: 'm8', type: 'REQUEST', cameo: '100', trigger: 'urged' },
    { id: 'r15', source: 'a6', target: 'a2', sm: 'm11', tm: 'm7', type: 'SUPPORT', cameo: '050', trigger: 'offered' },
    { id: 'r16', source: 'a1', target: 'a6', sm: 'm1', tm: 'm11', type: 'CONSULT', cameo: '040', trigger: 'met' },
  );
  return makeDocument(text, { title: 'Crowded', actors, mentions, relations });
}

const overlap = (a, b) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

test('arcs on a crowded line stack by nesting and no two labels overlap', async () => {
  for (const dpr of [1, 2]) {
    const page = await pageWith(crowdedDocument(), { deviceScaleFactor: dpr });
    await page.mouse.move(640, 790);
    await waitForIdle(page);
    const state = await appState(page);
    const labels = state.article.labels;
    assert.equal(labels.length, 16, 'every relation has its label on screen');
    assert.ok(state.article.maxArcLevel >= 2, `arcs were stacked (max level ${state.article.maxArcLevel})`);
    for (let i = 0; i < labels.length; ++i) {
      for (let j = i + 1; j < labels.length; ++j) {
        assert.ok(!overlap(labels[i], labels[j]), `labels overlap: ${JSON.stringify(labels[i])} ${JSON.stringify(labels[j])}`);
      }
    }
    // Labels sit above the text of their line, and never on the text of the line above.
    const doc = await documentJson(page);
    const article = await rectOf(page, 'view:article');
    const mentionRects = [];
    for (const m of doc.mentions) mentionRects.push(await rectOf(page, `mention:${m.id}`));
    for (const l of labels) {
      const box = { x0: l.x0 / dpr, y0: l.y0 / dpr, x1: l.x1 / dpr, y1: l.y1 / dpr };
      assert.ok(box.y0 >= article.y0, `label above the article: ${JSON.stringify(box)}`);
      for (const m of mentionRects) assert.ok(!overlap(box, m), `label ${l.text} covers a mention`);
    }
    // An arc around others is drawn higher than the arcs it spans.
    const level = (id) => labels.find((l) => l.relation === id).level;
    assert.ok(level('r7') > level('r1'), 'Georgia→Russia spans Georgia→Armenia');
    await page.screenshot({ path: screenshotPath(`arcs-crowded-dpr${dpr}.png`) });
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});

test('a reload brings back exactly the same view: annotations, theme and arc setting, pixel for pixel', async () => {
  const page = await pageWith(caucasusDocument());
  // Some edits, a theme and the arcs setting.
  await clickItem(page, 'mention:m3');
  await clickItem(page, 'mention-menu:accept');
  await waitForState(page, (s) => s.commandsApplied === 1);
  await clickItem(page, 'menu:View');
  await clickItem(page, 'item:Light theme');
  await clickItem(page, 'menu:View');
  await clickItem(page, 'item:Show all relation arcs');
  await waitForState(page, (s) => s.theme === 'light' && !s.showAllArcs);
  await page.mouse.move(640, 790);
  await press(page, 'Escape');  // clears the selection
  await waitForState(page, (s) => s.selectedMention === '' && s.saves >= 2);
  await waitForIdle(page);
  const before = await documentJson(page);
  const area = await rectOf(page, 'view:article');
  const clip = { x: area.x0, y: area.y0, width: area.x1 - area.x0, height: area.y1 - area.y0 };
  const shot = await page.screenshot({ clip, path: screenshotPath('view-before-reload.png') });

  await page.reload();
  await waitForApp(page);
  let state = await waitForState(page, (s) => s.hasDocument);
  assert.equal(state.theme, 'light');
  assert.equal(state.showAllArcs, false);
  assert.deepEqual(await documentJson(page), before);
  await clickItem(page, 'button:Dismiss notice');
  await page.mouse.move(640, 790);
  state = await waitForState(page, (s) => s.notice === '');
  await waitForIdle(page);
  const again = await rectOf(page, 'view:article');
  assert.deepEqual(again, area, 'the article is where it was');
  const shot2 = await page.screenshot({ clip, path: screenshotPath('view-after-reload.png') });
  assert.ok(shot.equals(shot2), 'the article looks exactly as before the reload');
  assert.deepEqual(page.errors, []);
  await page.close();
});
