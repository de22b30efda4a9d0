import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinLines, parseIni, splitLines } from '../src/credentials/ini.js';
import { CredentialsFileError } from '../src/credentials/errors.js';

const SECRET = 'ab'.repeat(64);

test('sections, comments, blank lines and spacing styles', () => {
  const doc = parseIni(
    `# Veracode\n; another comment\n\n[default]\nveracode_api_key_id = 111\nveracode_api_key_secret=${SECRET}\n\n[ci]\n  VERACODE_API_KEY_ID  :  222  \n`,
    '/f',
  );
  assert.deepEqual(doc.sections.map((s) => s.name), ['default', 'ci']);
  assert.deepEqual(doc.sections[0]!.entries.map((e) => [e.key, e.value, e.line]), [
    ['veracode_api_key_id', '111', 5],
    ['veracode_api_key_secret', SECRET, 6],
  ]);
  // Keys are case-insensitive and ':' is accepted, as in Python's configparser.
  assert.deepEqual(doc.sections[1]!.entries.map((e) => [e.key, e.value]), [['veracode_api_key_id', '222']]);
  assert.deepEqual(doc.lines.slice(0, 3).map((l) => l.kind), ['comment', 'comment', 'blank']);
});

test('CRLF files parse the same and split/join gives the exact text back', () => {
  const text = '\uFEFF[default]\r\nveracode_api_key_id = 111\r\n\r\n[x]\nk=v';
  const doc = parseIni(text, '/f');
  assert.deepEqual(doc.sections.map((s) => s.name), ['default', 'x']);
  assert.equal(doc.sections[0]!.entries[0]!.value, '111');
  assert.equal(doc.eol, '\r\n');
  assert.equal(joinLines(splitLines(text)), text);
});

function malformed(text: string): CredentialsFileError {
  try {
    parseIni(text, '/home/u/.veracode/credentials');
  } catch (err) {
    assert.ok(err instanceof CredentialsFileError);
    return err;
  }
  assert.fail('expected a CredentialsFileError');
}

test('a malformed line is reported with the file and its line number, never its text', () => {
  const err = malformed(`[default]\nveracode_api_key_id = 111\n${SECRET}\n`);
  assert.equal(err.line, 3);
  assert.match(err.message, /\/home\/u\/\.veracode\/credentials, line 3: expected \[profile\], key = value, or a # comment/);
  assert.ok(!err.message.includes(SECRET.slice(0, 20)));
  assert.match(err.hint, /line 3/);
});

test('other malformed lines: bad header, empty header, key before a section, duplicates', () => {
  assert.match(malformed('[default\nk=v').message, /line 1: a section header must be/);
  assert.match(malformed('\n[ ]\n').message, /line 2: the section header \[\] has no profile name/);
  assert.match(malformed('veracode_api_key_id = 1\n[default]').message, /line 1: the key "veracode_api_key_id" comes before any \[profile\]/);
  assert.match(malformed('[a]\n[b]\n[a]').message, /line 3: profile \[a\] is already defined on line 1/);
  assert.match(malformed('[a]\nk=1\nK = 2').message, /line 3: the key "k" is already set in \[a\] on line 2/);
  assert.match(malformed('[a]\n = 2').message, /line 2: a key name is missing/);
});
