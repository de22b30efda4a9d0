import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPreferencesStore } from '../src/config/store.js';
import { DEFAULT_COLUMNS } from '../src/config/preferences-types.js';
import { fakeContext, manyCredentials } from './helpers/fake-service.js';
import { renderApp } from './helpers/ink.js';

const header = (frame: string) => frame.split('\n').find((l) => l.startsWith('  Type') || /^ {2}\S/.test(l) && l.includes('Status')) ?? '';
const tableRows = (frame: string) => frame.split('\n').filter((l) => /^[› ] /.test(l) && /(HMAC|OAuth)/.test(l));

test('a failed load shows its message and a retry key; the app keeps running and retry works', async () => {
  const ctx = fakeContext({ serviceOptions: { failLoads: 1, failMessage: 'Identity API answered 503 Service Unavailable' } });
  const app = renderApp({ ctx });
  try {
    const f = await app.waitFor('503');
    assert.match(f, /✘ \^R retry · Identity API answered 503 Service Unavailable/);
    await app.press('j'); // still alive
    await app.press('ctrl+r');
    await app.waitFor('10 credentials');
    assert.deepEqual(ctx.service.calls.filter((c) => c === 'loadOrganisation').length, 2);
    // A failing refresh keeps the loaded list on screen.
    ctx.service.loadOrganisation = async () => {
      throw new Error('connection reset');
    };
    await app.press('R');
    const after = await app.waitFor('connection reset');
    assert.equal(tableRows(after).length, 10);
  } finally {
    app.unmount();
  }
});

test('what a load could not fetch is said in the status line, beside the credentials it did get', async () => {
  const ctx = fakeContext({ serviceOptions: { warnings: ['OAuth clients could not be listed: the server answered 404'] } });
  const app = renderApp({ ctx });
  try {
    const f = await app.waitFor('10 credentials');
    assert.match(f, /⚠ OAuth clients could not be listed: the server answered 404/);
    assert.equal(tableRows(f).length, 10);
  } finally {
    app.unmount();
  }
});

test('the first load shows a spinner with progress', async () => {
  const ctx = fakeContext({ serviceOptions: { loadDelayMs: 400 } });
  const app = renderApp({ ctx });
  try {
    await app.waitFor(/Loading… \d of 6 users/);
    await app.waitFor('10 credentials');
  } finally {
    app.unmount();
  }
});

test('columns: hide, reorder and reset are saved in the store and used on the next run', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vcreds-tui-'));
  try {
    const app = renderApp({ preferences: createPreferencesStore({ cwd: dir }) });
    try {
      await app.waitFor('10 credentials');
      await app.press('c');
      await app.waitFor('Columns');
      await app.press(' '); // hide Type
      await app.press('down');
      await app.press('down'); // ID
      await app.press('K'); // ID before Name
      await app.waitFor(/\[x\] ID[^\n]*\n[^\n]*\[x\] Name/);
      await app.press('escape');
      const f = await app.waitFor('10 credentials');
      assert.match(header(f), /^ {2}ID\s+Name\s+Owner/);
    } finally {
      app.unmount();
    }
    assert.deepEqual(createPreferencesStore({ cwd: dir }).get().columns, ['id', 'name', 'owner', 'account', 'status', 'expires', 'roles']);

    const again = renderApp({ preferences: createPreferencesStore({ cwd: dir }) });
    try {
      const f = await again.waitFor('10 credentials');
      assert.match(header(f), /^ {2}ID\s+Name/, 'the next run starts with the saved columns');
      await again.press('c');
      await again.press('R');
      await again.press('enter');
      const reset = await again.waitFor((fr) => /^ {2}Type\s+Name\s+ID/.test(header(fr)));
      assert.ok(reset);
    } finally {
      again.unmount();
    }
    assert.deepEqual(createPreferencesStore({ cwd: dir }).get().columns, DEFAULT_COLUMNS);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('read-only mode refuses changes with a clear message', async () => {
  const app = renderApp({ ctx: fakeContext({ readOnly: true }) });
  try {
    await app.waitFor('10 credentials');
    for (const key of ['n', 'd', 'r']) {
      await app.press(key);
      await app.waitFor('Read-only mode');
    }
    assert.ok(!app.ctx.service.calls.some((c) => /generate|revoke|create/.test(c)));
  } finally {
    app.unmount();
  }
});

test('a non-admin sees a banner about their own credentials only', async () => {
  const app = renderApp({ ctx: fakeContext({ serviceOptions: { caller: { userId: 'u-bob', userName: 'bob@example.com', isAdmin: false } } }) });
  try {
    const f = await app.waitFor('credential');
    await app.waitFor('1 of your credentials expires within 7 days');
    assert.ok(f);
  } finally {
    app.unmount();
  }
});

test('10,000 credentials: only the window is rendered, moving and filtering work', async () => {
  const ctx = fakeContext({ serviceOptions: { credentials: manyCredentials(10_000) } });
  const app = renderApp({ ctx, columns: 120, rows: 30 });
  try {
    const f = await app.waitFor('10000 credentials');
    assert.ok(tableRows(f).length < 30);
    await app.press('G');
    await app.waitFor(/10000\/10000/);
    await app.press('/');
    for (const ch of 'client-09999') await app.press(ch);
    const filtered = await app.waitFor((fr) => tableRows(fr).length === 1);
    assert.match(filtered, /client-09999/);
  } finally {
    app.unmount();
  }
});

test('d and r open the dialogs on the selected credential; n opens the wizard', async () => {
  const app = renderApp({ rows: 30 });
  try {
    await app.waitFor('10 credentials');
    await app.press('d');
    await app.waitFor((fr) => !fr.includes('10 credentials'));
    await app.press('escape');
    await app.waitFor('10 credentials');
    await app.press('n');
    await app.waitFor((fr) => !fr.includes('10 credentials'));
  } finally {
    app.unmount();
  }
});

test('Ctrl+C in the wizard quits the app, but not while a new secret is unsaved', async () => {
  const app = renderApp({ rows: 30 });
  try {
    await app.waitFor('10 credentials');
    await app.press('n');
    await app.waitFor('New API credential');
    // An HMAC pair for alice herself: type HMAC, owner myself, the warning, review, generate.
    await app.press('down');
    await app.press('enter');
    await app.press('enter');
    await app.press('enter');
    await app.waitFor('Review');
    await app.press('enter');
    await app.waitFor('HMAC pair created');
    await app.press('ctrl+c');
    await app.waitFor('Quit vcreds anyway? y/N');
    assert.deepEqual(app.exitCodes, [], 'an unsaved secret keeps the app open');
    await app.press('n');
    await app.waitFor((f) => !f.includes('Quit vcreds anyway'));
    await app.press('ctrl+c');
    await app.waitFor('Quit vcreds anyway? y/N');
    await app.press('y');
    await app.waitFor(() => app.exitCodes.length > 0);
    assert.deepEqual(app.exitCodes, [0]);
  } finally {
    app.unmount();
  }
  const again = renderApp({ rows: 30 });
  try {
    await again.waitFor('10 credentials');
    await again.press('n');
    await again.waitFor('New API credential');
    await again.press('ctrl+c');
    await again.waitFor(() => again.exitCodes.length > 0);
    assert.deepEqual(again.exitCodes, [0], 'without a secret, Ctrl+C in the wizard quits at once');
  } finally {
    again.unmount();
  }
});
