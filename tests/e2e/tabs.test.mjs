// Two tabs of the page in one browser: only one saves the work. The second tab says clearly that
// the work is open in the other one (not a crash), shows it read-only and changes nothing, and can
// take it over — after which the first tab stops saving and says so, instead of overwriting.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { caucasusDocument } from './fixtures.mjs';
import {
  acceptSuggestionAndWaitForSave, appState, autosaveRecord, clickItem, documentJson, openFile, pasteText,
  screenshotPath, useBrowser, waitForApp, waitForState, watchPage,
} from './support.mjs';

const env = useBrowser();

/// The document part of a stored record.
const recordDoc = (record) => JSON.parse(record.slice(record.indexOf('\n') + 1));

test('a second tab is read-only with a clear message, and can take the work over without losing it', async () => {
  const first = await env.open();
  await openFile(first, 'caucasus.dyad.json', JSON.stringify(caucasusDocument()));
  await waitForState(first, (s) => s.hasDocument && s.saves > 0 && s.savesInFlight === 0);
  assert.equal((await appState(first)).tab, 'owner');

  // The same browser context: same storage, same origin, as a user opening a second tab.
  const second = watchPage(await first.context().newPage());
  await second.goto(env.url);
  await waitForApp(second);
  let state = await waitForState(second, (s) => s.tab === 'other' && s.popupOpen);
  assert.equal(state.crashedSession, false, 'the other tab is not mistaken for a crash');
  assert.equal(state.recoveryPending, false);
  assert.deepEqual(await documentJson(second), await documentJson(first), 'it shows the saved work');
  assert.match(await second.textContent('#dyad-live'), /dyad is open in another tab/);
  await second.screenshot({ path: screenshotPath('second-tab.png') });

  // Read-only: a paste changes nothing, and nothing is written.
  await clickItem(second, 'button:View read-only');
  await waitForState(second, (s) => !s.popupOpen);
  const shown = await documentJson(second);
  await pasteText(second, 'Something else entirely, pasted into the second tab.');
  state = await waitForState(second, (s) => s.readOnlyRefusals > 0 && s.popupOpen);  // the message again
  assert.deepEqual(await documentJson(second), shown);
  assert.equal(state.saves, 0);
  assert.notEqual(await second.evaluate(() => window.Module.testItemRect('notice:read-only')), 'null');
  await clickItem(second, 'button:View read-only');
  await waitForState(second, (s) => !s.popupOpen);

  // The first tab keeps working and saving.
  await acceptSuggestionAndWaitForSave(first);
  const latest = await documentJson(first);
  assert.deepEqual(recordDoc(await autosaveRecord(first)), latest);

  // Take over: the second tab gets the first one's latest save; the first stops saving.
  await clickItem(second, 'button:Take over banner');
  state = await waitForState(second, (s) => s.tab === 'owner' && s.hasDocument);
  assert.match(state.notice, /This tab now has the work/);
  assert.deepEqual(await documentJson(second), latest);
  state = await waitForState(first, (s) => s.tab === 'lost' && s.popupOpen);
  const savesAtLoss = state.saves;
  await first.screenshot({ path: screenshotPath('tab-taken-over.png') });
  assert.match(await first.textContent('#dyad-live'), /Another dyad tab took over this work/);

  // The first tab cannot overwrite the work any more.
  await clickItem(first, 'button:View read-only');
  await waitForState(first, (s) => !s.popupOpen);
  await pasteText(first, 'A paste into the tab that lost the work.');
  await waitForState(first, (s) => s.readOnlyRefusals > 0 && s.popupOpen);
  await clickItem(first, 'button:View read-only');
  await acceptSuggestionAndWaitForSave(second);
  const afterEdit = await documentJson(second);
  assert.notDeepEqual(afterEdit, latest);
  assert.deepEqual(recordDoc(await autosaveRecord(second)), afterEdit);
  assert.equal((await appState(first)).saves, savesAtLoss, 'the first tab saved nothing after losing the work');

  // Closing the second tab hands the work back: a reload of the first owns it again, with the
  // second tab's edits and no crash question.
  await second.close();
  await first.reload();
  await waitForApp(first);
  state = await waitForState(first, (s) => s.tab === 'owner' && s.hasDocument);
  assert.equal(state.recoveryPending, false);
  assert.deepEqual(await documentJson(first), afterEdit);
  assert.deepEqual(first.errors, []);
  await first.close();
});
