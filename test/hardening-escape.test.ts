// Text from others is data, never terminal control: escapeControl, csvCell and jsonText, and the
// CLI's list, show, --csv and error paths against an OAuth client named with escape sequences.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import stringWidth from 'string-width';
import { createApiClient } from '../src/api/client.js';
import { csvCell, escapeControl, jsonText } from '../src/text/escape.js';
import { formatTable } from '../src/cli/output.js';
import { fixture, run, type Fixture } from './cli-harness.js';

const HOSTILE = 'ok\x1b]0;PWNED\x07\x1b[2J';
/** Any raw C0 control other than the line ends of the output itself, DEL or C1. */
const RAW_CONTROL = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

describe('escapeControl', () => {
  test('C0, DEL and C1 are shown as visible escapes', () => {
    assert.equal(escapeControl(HOSTILE, { oneLine: true }), 'ok\\e]0;PWNED\\a\\e[2J');
    assert.equal(escapeControl('a\r\nb\tc\0d\x7fe\x01', { oneLine: true }), 'a\\r\\nb\\tc\\0d\\x7fe\\x01');
    assert.equal(escapeControl('x\u009b31m\u0085', { oneLine: true }), 'x\\u{9b}31m\\u{85}');
    assert.equal(escapeControl('\b\v\f', { oneLine: true }), '\\b\\v\\f');
  });

  test('a line feed stays a newline only in multi-line text; CR is escaped either way', () => {
    assert.equal(escapeControl('one\ntwo\r\n', { oneLine: false }), 'one\ntwo\\r\n');
    assert.equal(escapeControl('one\ntwo', { oneLine: true }), 'one\\ntwo');
  });

  test('ordinary text is left alone: backslashes, accents, wide characters, emoji', () => {
    for (const s of ['DOMAIN\\user', 'Zoë Müller', '日本語', 'ci-bot 🚀', '']) assert.equal(escapeControl(s, { oneLine: true }), s);
  });

  test('the result holds no control character, so its measured width is what is drawn', () => {
    const all = Array.from({ length: 0xa0 }, (_, i) => String.fromCharCode(i)).join('');
    const out = escapeControl(all, { oneLine: true });
    assert.doesNotMatch(out, /[\u0000-\u001f\u007f-\u009f]/);
    assert.equal(stringWidth(out), out.length);
  });
});

describe('csvCell', () => {
  test('formula starts are neutralised with a leading quote (OWASP)', () => {
    assert.equal(csvCell('=1+1'), "'=1+1");
    assert.equal(csvCell('+1'), "'+1");
    assert.equal(csvCell('-2'), "'-2");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell('\tx'), "'\tx");
    assert.equal(csvCell('\rx'), "\"'\rx\"");
    assert.equal(csvCell('a=b'), 'a=b');
  });

  test('RFC 4180 quoting: comma, quote, line break; quotes doubled', () => {
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('a\nb'), '"a\nb"');
    assert.equal(csvCell('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
    assert.equal(csvCell('plain'), 'plain');
  });
});

describe('jsonText', () => {
  test('the parsed value is exactly the text; DEL and C1 are written as \\u escapes', () => {
    const value = { name: `${HOSTILE}\u009b\u007f`, n: 1 };
    const text = jsonText(value);
    assert.doesNotMatch(text, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    assert.deepEqual(JSON.parse(text), value);
    assert.match(text, /\\u009b\\u007f/);
  });
});

describe('formatTable', () => {
  test('cells are escaped before measuring, so the columns stay aligned', () => {
    const out = formatTable(['A', 'B'], [[HOSTILE, 'x'], ['plain', 'y']]);
    assert.doesNotMatch(out, RAW_CONTROL);
    const [, first, second] = out.split('\n');
    assert.equal(first!.indexOf('x'), second!.indexOf('y'));
  });
});

describe('the CLI shows hostile names escaped', () => {
  let f: Fixture;
  let clientId: string;
  before(async () => {
    f = await fixture();
    const client = createApiClient({ baseUrl: f.emu.apiUrl, auth: { kind: 'hmac', id: f.emu.admin.id, secret: f.emu.admin.secret }, env: {} });
    const made = await client.request<{ client_id: string }>('POST', '/api/authn/v2/oauth_clients', {
      json: {
        name: HOSTILE,
        description: '=1+1',
        expiration_ts: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        roles: [{ role_name: 'resultsapi' }],
      },
    });
    clientId = made.client_id;
    await client.request('POST', '/api/authn/v2/oauth_clients', {
      json: { name: '=1+1', expiration_ts: new Date(Date.now() + 30 * 86_400_000).toISOString(), roles: [{ role_name: 'resultsapi' }] },
    });
  });
  after(() => f.close());

  test('list: no raw ESC or BEL in the table, the name shown escaped', async () => {
    const r = await run(f.args('list', '--type', 'oauth'), { env: f.env });
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, RAW_CONTROL);
    assert.ok(r.stdout.includes('ok\\e]0;PWNED\\a\\e[2J'), r.stdout);
  });

  test('show: no raw control; the description is shown as text', async () => {
    const r = await run(f.args('show', clientId), { env: f.env });
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, RAW_CONTROL);
    assert.match(r.stdout, /Name:\s+ok\\e\]0;PWNED\\a\\e\[2J/);
  });

  test('--csv: controls escaped, and a cell starting with = comes out quoted as text', async () => {
    const r = await run(f.args('list', '--type', 'oauth', '--csv'), { env: f.env });
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, RAW_CONTROL);
    const line = r.stdout.split('\r\n').find((l) => l.startsWith(clientId))!;
    assert.ok(line.includes(',ok\\e]0;PWNED\\a\\e[2J,'), line);
    assert.ok(r.stdout.includes(",'=1+1,"), r.stdout);
    // days_left is our own number: never neutralised.
    assert.doesNotMatch(r.stdout, /,'-?\d+,/);
  });

  test('--json keeps the exact name', async () => {
    const r = await run(f.args('list', '--type', 'oauth', '--json'), { env: f.env });
    const item = (JSON.parse(r.stdout) as { id: string; name: string }[]).find((i) => i.id === clientId)!;
    assert.equal(item.name, HOSTILE);
  });

  test('an error echoing an argument shows it escaped', async () => {
    const r = await run(f.args('show', 'zz\x1b[2Jzzzzzzzz'), { env: f.env });
    assert.notEqual(r.code, 0);
    assert.doesNotMatch(r.stderr, RAW_CONTROL);
    const bad = await run(['--bogus\x1b[2J'], { env: f.env });
    assert.equal(bad.code, 2);
    assert.doesNotMatch(bad.stderr, RAW_CONTROL);
  });
});
