// End to end, what a real terminal gets: `y` copies through plain OSC 52 into a real tmux's buffer,
// and the overlays fit 80x24 and 200x50, with and without NO_COLOR, under the DEMO header.
// Each test runs `node dist/vcreds.js --demo` directly in its own private tmux server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import stringWidth from 'string-width';
import { ensureBuilt, positionOf, scratchDir, startDemo } from './helpers/tmux.js';

let scratch: ReturnType<typeof scratchDir>;
before(() => {
  ensureBuilt();
  scratch = scratchDir('vcreds-e2e-screens-');
});
after(() => scratch.remove());

const LIST = /^1\/\d+ · /m;

test('y in tmux 3.3 with set-clipboard on: the id is in tmux\'s paste buffer, sent as plain OSC 52 (passthrough stays off)', async () => {
  const record = join(scratch.path, 'copy.out');
  const t = startDemo(scratch.path, { width: 100, height: 30, serverOptions: [['set-clipboard', 'on']], recordTo: record });
  try {
    const count = positionOf(await t.waitFor(LIST, 'the list'))![1];
    assert.equal(t.tmux('show-options', '-gwv', 'allow-passthrough').trim(), 'off', 'passthrough is off, as tmux ships');
    t.keys('j');
    t.keys('j');
    await t.waitFor(new RegExp(`^3/${count} · `, 'm'), 'the third row selected');

    // The full id, from the details of the selected row (the list shows it shortened).
    t.keys('Enter');
    const details = await t.waitFor(/(?:API ID|Client ID):\s+\S+/, 'the details with the full id');
    const id = /(?:API ID|Client ID):\s+(\S+)/.exec(details)![1]!;
    assert.ok(id.length >= 32, `a full id, not a shortened one: ${id}`);
    t.keys('Escape');
    await t.waitFor((s) => new RegExp(`^3/${count} · `, 'm').test(s) && !s.includes('API ID:'), 'back on the list, same row');

    assert.equal(t.showBuffer(), '', 'no buffer before the copy');
    t.keys('y');
    const said = await t.waitFor(/Copied the id/, 'the status line saying the id was copied');
    assert.match(said, /tmux/, 'it says where the id went');
    const deadline = Date.now() + 10_000;
    while (t.showBuffer() !== id && Date.now() < deadline) await sleep(100);
    assert.equal(t.showBuffer(), id, 'tmux show-buffer holds the whole id');

    const out = t.output();
    assert.ok(out.includes(`\x1b]52;c;${Buffer.from(id).toString('base64')}\x07`), 'a plain OSC 52 sequence was written');
    assert.ok(!out.includes('\x1bPtmux;'), 'no passthrough wrapper (tmux drops it with allow-passthrough off)');
  } finally {
    t.stop();
  }
});

const colour = /\x1b\[[0-9;]*(?:3[0-7]|9[0-7]|38;[0-9;]+)m/;

for (const [width, height] of [[80, 24], [200, 50]] as const) {
  for (const noColor of [false, true]) {
    test(`${width}x${height}${noColor ? ' NO_COLOR' : ''}: list, filter, wizard and help fit the terminal under the DEMO header`, async () => {
      const t = startDemo(scratch.path, { width, height, env: noColor ? { NO_COLOR: '1' } : {} });
      try {
        await t.waitFor(LIST, 'the list');
        // Panels, dialogs and the wizard are at most 80 columns wide; help takes the width for its columns.
        const check = (name: string, screen: string, capped = false) => {
          // Joined: a line the app wrote wider than the terminal shows as one long line, not two.
          const joined = t.screen({ joined: true }).replace(/\n$/, '').split('\n');
          for (const line of joined) assert.ok(stringWidth(line) <= width, `${name}: a line ${stringWidth(line)} wide on a ${width}-column terminal:\n${line}`);
          assert.equal(joined.length, height, `${name}: ${height} rows, none wrapped or scrolled:\n${joined.join('\n')}`);
          assert.match(joined[0]!, /^vcreds\s+DEMO\b/, `${name}: the first header line is on the first row:\n${screen}`);
          for (const line of capped ? screen.split('\n') : []) {
            const left = line.indexOf('╭');
            const right = line.lastIndexOf('╮');
            if (left >= 0 && right > left) assert.ok(stringWidth(line.slice(left, right + 1)) <= 80, `${name}: an overlay wider than 80 columns:\n${line}`);
          }
          const styled = t.screen({ styles: true });
          if (noColor) assert.doesNotMatch(styled, colour, `${name}: colour despite NO_COLOR`);
        };
        check('list', t.screen());
        if (!noColor) assert.match(t.screen({ styles: true }), colour, 'colour is on without NO_COLOR (so the NO_COLOR check means something)');

        const overlays: Array<[string, string, RegExp, boolean]> = [
          ['filter panel', 'f', /Filter credentials/, true],
          ['wizard', 'n', /step 1 of \d+: Type/, true],
          ['help', '?', /╭─ Keys\b/, false],
        ];
        for (const [name, key, shown, capped] of overlays) {
          t.keys(key);
          check(name, await t.waitFor(shown, `the ${name}`), capped);
          t.keys('Escape');
          await t.waitFor((s) => LIST.test(s) && !shown.test(s), `the list again after closing the ${name}`);
        }
        t.keys('q');
        assert.deepEqual(await t.waitForExit(), { status: 0, signal: null });
      } finally {
        t.stop();
      }
    });
  }
}
