// `list --json` / `--csv` row by row: the same text as the one-shot forms, and `--no-sort`
// writing each row as its page arrives without the load keeping the rows (keepRows: false).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, run, type Fixture } from './cli-harness.js';
import { credentialJson, csvRowWriter, jsonRowWriter } from '../src/cli/credential-format.js';
import { formatCsv } from '../src/cli/output.js';
import { jsonText } from '../src/text/escape.js';
import { viewOf, type Credential } from '../src/model/credential.js';

const NOW = Date.parse('2025-06-01T00:00:00Z');

function cred(i: number, name: string): Credential {
  return {
    id: `id-${i}`, type: i % 2 ? 'oauth' : 'hmac', name: i % 2 ? name : null, description: null,
    owner: { userId: `u${i}`, userName: name, accountType: i % 3 ? 'user' : 'api' },
    expiresAt: i % 4 ? new Date(NOW + i * 86_400_000).toISOString() : null, createdAt: null, revokedAt: null,
    roles: [{ name: 'a' }, { name: `r${i}` }], secrets: [], profiles: i % 5 ? [] : ['ci', 'x,y'],
  };
}

// ASCII, quotes, CSV specials, a formula, CJK, emoji, combining marks, C0/C1 controls, an escape sequence.
const NAMES = ['plain', 'with "quotes", and commas', '=1+1', '漢字の名前', '👩‍💻 dev', 'e\u0301te\u0301', 'bell\u0007\u0085\u009b', '\u001b[31mred\u001b[0m', ''];

describe('row writers', () => {
  const views = Array.from({ length: 40 }, (_, i) => viewOf(cred(i, NAMES[i % NAMES.length]!), NOW));
  for (const n of [0, 1, 40]) {
    test(`JSON of ${n} rows, written row by row in small chunks, is the one-shot text`, () => {
      let text = '';
      const w = jsonRowWriter((s) => (text += s));
      for (const v of views.slice(0, n)) w.row(v);
      w.end();
      assert.equal(text, `${jsonText(views.slice(0, n).map(credentialJson))}\n`);
    });
  }
  test('CSV row by row is RFC 4180 with CRLF, the header first even with no rows', () => {
    let text = '';
    const w = csvRowWriter((s) => (text += s));
    for (const v of views) w.row(v);
    w.end();
    const lines = text.split('\r\n');
    assert.equal(lines.length, views.length + 2);
    assert.equal(lines.at(-1), '');
    assert.ok(lines[0]!.startsWith('id,type,name,'));
    let empty = '';
    const e = csvRowWriter((s) => (empty += s));
    e.end();
    assert.equal(empty, formatCsv(lines[0]!.split(','), []));
    assert.match(text, /'=1\+1/);
  });
});

describe('list --no-sort', () => {
  let f: Fixture;
  before(async () => {
    f = await fixture({ users: 260, pageSizeCap: 25 });
  });
  after(() => f.close());

  test('--json --no-sort: the same credentials as --json, in the server order (keys by user, then OAuth clients)', async () => {
    const sorted = await run(f.args('list', '--json'), { env: f.env });
    const streamed = await run(f.args('list', '--json', '--no-sort'), { env: f.env });
    assert.equal(streamed.code, 0, streamed.stderr);
    const a = JSON.parse(sorted.stdout) as { id: string; type: string }[];
    const b = JSON.parse(streamed.stdout) as { id: string; type: string }[];
    assert.deepEqual(b.map((c) => c.id).sort(), a.map((c) => c.id).sort());
    assert.deepEqual([...b].sort((x, y) => x.id.localeCompare(y.id)), [...a].sort((x, y) => x.id.localeCompare(y.id)));
  });

  test('--csv --no-sort with a filter: the same rows as --csv with that filter', async () => {
    const args = ['--type', 'oauth', '--status', 'active,expiring'];
    const sorted = (await run(f.args('list', '--csv', ...args), { env: f.env })).stdout.split('\r\n');
    const streamed = (await run(f.args('list', '--csv', '--no-sort', ...args), { env: f.env })).stdout.split('\r\n');
    assert.equal(streamed[0], sorted[0]);
    assert.deepEqual(streamed.slice(1).sort(), sorted.slice(1).sort());
    assert.ok(streamed.length > 10);
  });

  test('the help says which options need the whole set', async () => {
    const r = await run(['list', '--help'], {});
    assert.match(r.stdout, /--no-sort/);
    assert.match(r.stdout, /Everything else needs the whole set before the first row/);
  });
});
