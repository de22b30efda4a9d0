// End to end, input at its limits: the built `vcreds --demo`, started directly by a private tmux
// server (no shell in between), fed a burst of keys, a long bracketed paste, Ctrl+C from the
// search line, and two Escs in one read. Every wait polls the screen against a deadline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ensureBuilt, positionOf, scratchDir, startDemo, type TmuxPane } from './helpers/tmux.js';

let scratch: ReturnType<typeof scratchDir>;
before(() => {
  ensureBuilt();
  scratch = scratchDir('vcreds-e2e-input-');
});
after(() => scratch.remove());

const LIST = /^1\/\d+ · /m;

async function listCount(t: TmuxPane): Promise<number> {
  const screen = await t.waitFor(LIST, 'the list with its position counter (1/N)');
  return positionOf(screen)![1];
}

test('500 j in one chunk: the app stays up, the cursor ends on the last row, k still answers, q exits 0', async () => {
  const t = startDemo(scratch.path, { width: 80, height: 24 });
  try {
    const count = await listCount(t);
    assert.ok(count > 1, 'the demo has rows to move over');
    t.type('j'.repeat(500));
    const end = Math.min(count, 1 + 500);
    await t.waitFor(new RegExp(`^${end}/${count} · `, 'm'), `the counter at ${end}/${count} after 500 j`);
    assert.equal(t.format('#{pane_dead}'), '0', 'the app is still running');
    t.keys('k');
    await t.waitFor(new RegExp(`^${end - 1}/${count} · `, 'm'), `the counter at ${end - 1}/${count} after k`);
    t.keys('q');
    assert.deepEqual(await t.waitForExit(), { status: 0, signal: null });
  } finally {
    t.stop();
  }
});

test('a 2,000-character bracketed paste into the description: all of it is text, the step refuses it naming the field and the limit, Esc goes back', async () => {
  const t = startDemo(scratch.path, { width: 80, height: 24 });
  try {
    const count = await listCount(t);
    t.keys('n');
    await t.waitFor('step 1 of 7: Type', 'the wizard on its first step');
    t.keys('Enter'); // OAuth Client, the first choice
    await t.waitFor(': For whom', 'the owner step');
    t.keys('Enter'); // Myself
    await t.waitFor(': Name', 'the name step');
    t.type('e2e-paste');
    await t.waitFor('Name: e2e-paste', 'the typed name');
    t.keys('Enter');
    await t.waitFor(': Expiry', 'the expiry step');
    t.keys('Enter'); // the organisation's maximum
    const step = await t.waitFor(': Description', 'the description step');
    assert.match(step, /at most 512 characters/, 'the step says its limit before anything is typed');

    // Keys the app would act on if any of it were read as commands: q quits, ? opens help, / and
    // n and j and G act on the list, Enter (the line breaks) goes to the next step.
    const unit = 'q?/njG x ';
    let text = '';
    for (let i = 0; text.length < 1_900; i++) text += `${unit}${i}${i % 7 === 6 ? '\n' : ' '}`;
    const tail = 'END-OF-PASTE';
    text = text.slice(0, 2_000 - tail.length - 1).trimEnd();
    text = text + ' '.repeat(2_000 - tail.length - text.length) + tail;
    assert.equal(text.length, 2_000);
    t.paste(text, join(scratch.path, 'paste.txt'));

    const pasted = await t.waitFor(/Description: .*END-OF-PASTE/, 'the end of the pasted text in the description field');
    assert.match(pasted, /step 5 of 7: Description/, 'still on the description step (no Enter was acted on)');
    assert.doesNotMatch(pasted, /Keys \(↑\/↓ to scroll\)/, 'help did not open (no ? was acted on)');
    assert.match(pasted, new RegExp(`^1/${count} · `, 'm'), 'the list behind did not move (no j or G was acted on)');
    assert.equal(t.format('#{pane_dead}'), '0', 'the app did not quit (no q was acted on)');
    for (const line of pasted.split('\n')) assert.ok(line.length <= 80, `a line wider than the terminal: ${line}`);

    t.keys('Enter');
    const refused = await t.waitFor(/Description is \d+ characters long/, 'the description refused with a message');
    assert.match(refused, /Description is 2000 characters long: shorten it to at most 512\./,
      'the message names the field, the length pasted (every character arrived) and the limit');
    assert.match(refused, /step 5 of 7: Description/, 'the step stays for the fix');

    t.keys('Escape');
    await t.waitFor('step 4 of 7: Expiry', 'Esc back to the expiry step');
    t.keys('Escape');
    await t.waitFor(': Name', 'Esc back to the name step');
    t.keys('Escape');
    await t.waitFor(': For whom', 'Esc back to the owner step');
    t.keys('Escape');
    await t.waitFor(': Type', 'Esc back to the first step');
    t.keys('Escape');
    await t.waitFor((s) => !s.includes('New API credential') && LIST.test(s), 'the wizard closed, back on the list');
    t.keys('q');
    assert.deepEqual(await t.waitForExit(), { status: 0, signal: null });
  } finally {
    t.stop();
  }
});

test('Ctrl+C on the search line quits at once and leaves the terminal as it was', async () => {
  const record = join(scratch.path, 'ctrl-c.out');
  const t = startDemo(scratch.path, { width: 80, height: 24, recordTo: record });
  try {
    await listCount(t);
    assert.equal(t.format('#{alternate_on}'), '1', 'the app runs on the alternate screen');
    t.keys('/');
    await t.waitFor(/keep filter/, 'the search line');
    t.type('jenk');
    await t.waitFor(/^\/jenk/m, 'the typed search');
    t.keys('C-c');
    assert.deepEqual(await t.waitForExit(), { status: 0, signal: null }, 'Ctrl+C quits like q (nothing unsaved to ask about)');

    assert.equal(t.format('#{alternate_on}'), '0', 'the alternate screen was left: the normal screen is back');
    const screen = t.screen();
    assert.doesNotMatch(screen, /DEMO|\/jenk|credentials/, `the list is not left on the normal screen:\n${screen}`);
    // Every mode the app turned on, it turned off after (last switch wins).
    const out = t.output();
    const last = (seq: string) => out.lastIndexOf(seq);
    assert.ok(last('\x1b[?1049h') >= 0 && last('\x1b[?1049l') > last('\x1b[?1049h'), 'alternate screen left');
    assert.ok(last('\x1b[?2004h') >= 0 && last('\x1b[?2004l') > last('\x1b[?2004h'), 'bracketed paste turned off');
    assert.ok(last('\x1b[?25h') > last('\x1b[?25l'), 'the cursor shown again');
  } finally {
    t.stop();
  }
});

test('two Escs in one read go back two steps (the app has no Alt bindings)', async () => {
  const t = startDemo(scratch.path, { width: 80, height: 24 });
  try {
    await listCount(t);
    t.keys('n');
    await t.waitFor('step 1 of 7: Type', 'the wizard on its first step');
    t.keys('Enter');
    await t.waitFor(': For whom', 'the owner step');
    // One send-keys command: both bytes reach the program in one write, as from a quick double press
    // while the app is busy drawing.
    t.tmux('send-keys', '-t', t.target, 'Escape', 'Escape');
    await t.waitFor((s) => !s.includes('New API credential') && LIST.test(s), 'the wizard closed by the second Esc');
  } finally {
    t.stop();
  }
});
