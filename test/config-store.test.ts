import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPreferencesStore, PreferencesError } from '../src/config/store.js';
import { DEFAULT_COLUMNS } from '../src/config/preferences-types.js';
import { DEFAULT_SORT, EMPTY_FILTER } from '../src/model/filter.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'vcreds-conf-'));
const DEFAULTS = { columns: DEFAULT_COLUMNS, sort: DEFAULT_SORT, filter: EMPTY_FILTER, defaultProfile: null, apiUrl: null };

test('starts with the defaults and writes nothing until something changes', () => {
  const cwd = tempDir();
  const store = createPreferencesStore({ cwd });
  assert.deepEqual(store.get(), DEFAULTS);
  assert.equal(store.path, join(cwd, 'config.json'));
  assert.equal(existsSync(store.path), false);
});

test('changes persist across stores, merge with what was there, and reset', () => {
  const cwd = tempDir();
  const first = createPreferencesStore({ cwd });
  first.update({ columns: ['name', 'expires', 'profiles'] });
  const after = first.update({ sort: { key: 'name', direction: 'desc' }, defaultProfile: 'ci' });
  assert.deepEqual(after.columns, ['name', 'expires', 'profiles']);
  assert.equal(statSync(first.path).mode & 0o077, 0);

  const second = createPreferencesStore({ cwd });
  assert.deepEqual(second.get(), {
    ...DEFAULTS, columns: ['name', 'expires', 'profiles'], sort: { key: 'name', direction: 'desc' }, defaultProfile: 'ci',
  });
  assert.deepEqual(second.reset(), DEFAULTS);
  assert.deepEqual(createPreferencesStore({ cwd }).get(), DEFAULTS);
});

test('a hand-edited file with bad values falls back per value, keeping the good ones', () => {
  const cwd = tempDir();
  writeFileSync(join(cwd, 'config.json'), JSON.stringify({
    columns: ['name', 'bogus', 'name', 7, 'status'],
    sort: { key: 'colour', direction: 'asc' },
    filter: { types: ['oauth', 'x'], statuses: 'expired', owner: 'ann', expiringWithinDays: -3 },
    defaultProfile: 42,
    apiUrl: 'ftp://example.test',
    extra: true,
  }));
  assert.deepEqual(createPreferencesStore({ cwd }).get(), {
    columns: ['name', 'status'],
    sort: DEFAULT_SORT,
    filter: { ...EMPTY_FILTER, types: ['oauth'], owner: 'ann' },
    defaultProfile: null,
    apiUrl: null,
  });
});

test('a file that is not JSON, or has no valid column, gives the defaults instead of crashing', () => {
  const cwd = tempDir();
  writeFileSync(join(cwd, 'config.json'), '{ "columns": [');
  const store = createPreferencesStore({ cwd });
  assert.deepEqual(store.get(), DEFAULTS);
  assert.equal(store.update({ defaultProfile: 'ci' }).defaultProfile, 'ci');
  assert.equal(JSON.parse(readFileSync(store.path, 'utf8')).defaultProfile, 'ci');

  const cwd2 = tempDir();
  writeFileSync(join(cwd2, 'config.json'), JSON.stringify({ columns: ['nope'] }));
  assert.deepEqual(createPreferencesStore({ cwd: cwd2 }).get().columns, DEFAULT_COLUMNS);
});

test('refuses to store anything that looks like a secret', () => {
  const cwd = tempDir();
  const store = createPreferencesStore({ cwd });
  store.update({ defaultProfile: 'ci' });
  const secret = '0123456789abcdef'.repeat(8);
  const attempts: unknown[] = [
    { defaultProfile: secret },
    { filter: { ...EMPTY_FILTER, owner: `vera01es-${secret}` } },
    { apiSecret: 'x' },
  ];
  for (const patch of attempts) {
    assert.throws(() => store.update(patch as never), (err: unknown) => {
      assert.ok(err instanceof PreferencesError);
      assert.match(err.message, /looks like a secret/);
      assert.ok(!err.message.includes(secret));
      return true;
    });
  }
  assert.ok(!readFileSync(store.path, 'utf8').includes('0123456789abcdef'));
  assert.equal(store.get().defaultProfile, 'ci');
});
