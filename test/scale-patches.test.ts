// The build-time replacements of src/patches answer exactly as the code they replace, on a
// corpus of ASCII, Latin and box drawing, CJK, emoji (ZWJ sequences, flags, skin tones),
// combining marks, control characters and escape sequences (SGR, OSC 8 links, C1 CSI).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import stringWidth from 'string-width';
import { reduceAnsiCodesIncremental, tokenize } from '@alcalzone/ansi-tokenize';
import { NARROW_RANGES, narrowRanges } from '../src/patches/narrow.js';
import { createFastStringWidth } from '../src/patches/string-width-fast.js';
import { graphemes, lazySegmenter } from '../src/patches/lazy-segmenter.js';
import { styledChar } from '../src/patches/styled-char.js';
import { BLANK_CELL, MAX_STYLED_LINES, sharedCaches } from '../src/patches/ink-output.js';

const ESC = '\x1b';
const CORPUS: string[] = [
  '', ' ', 'a', 'plain ASCII text, with punctuation: ()[]{}<>!?;', '~'.repeat(200),
  'Zoë Ångström — naïve café', 'Ελληνικά и кириллица', '│ ├─ └── ┼ ═ ║ ╔ ✓ ✗ ⚠ → ← ↑ ↓ ⠋⠙⠹', '● ○ ◆ … · • ‹›',
  '漢字', 'テーブルの行 12', '한국어', 'ｆｕｌｌ　ｗｉｄｔｈ', 'mixed 漢a字b',
  '👩‍💻', '👍🏽', '🇫🇷🇩🇪', '❤️', '☺︎', '1️⃣', 'a👨‍👩‍👧‍👦b', '✅ done ❌',
  'e\u0301', 'a\u0300\u0301\u0302', 'Z\u0351\u036b\u0343\u036a\u0302', 'n\u0303o', '\u0301 leading mark', 'क्षि', 'ก่า',
  '\u200b zero width', 'soft\u00adhyphen', '\ufeffbom', 'tab\there', 'nl\nin', 'bell\x07', 'del\x7f', 'c1\x85\x9b',
  `${ESC}[31mred${ESC}[39m`, `${ESC}[1;4mbold under${ESC}[0m tail`, `${ESC}[38;5;208m256${ESC}[0m`, `${ESC}[38;2;1;2;3mrgb${ESC}[0m`,
  `${ESC}]8;;https://example.com${ESC}\\link${ESC}]8;;${ESC}\\`, `\x9b31mC1 CSI\x9b0m`, `${ESC}[7m漢字${ESC}[27m`, `${ESC}[2m👩‍💻${ESC}[22m`,
  `${ESC}[31mé${ESC}[0m`, `${ESC}`, `${ESC}[`, `half ${ESC}[3`, '\ud800 lone surrogate', '\udfff',
];

test('NARROW_RANGES are what the pinned string-width measures', () => {
  assert.deepEqual(narrowRanges(stringWidth), NARROW_RANGES.map(([a, z]) => [a, z]));
});

test('the string-width front answers as string-width, whatever the options', () => {
  let loads = 0;
  const fast = createFastStringWidth(() => {
    loads++;
    return stringWidth;
  });
  const optionSets = [undefined, {}, { ambiguousIsNarrow: false }, { ambiguousIsNarrow: true }, { countAnsiEscapeCodes: true }, { ambiguousIsNarrow: false, countAnsiEscapeCodes: true }];
  for (const text of CORPUS) {
    for (const options of optionSets) assert.equal(fast(text, options), stringWidth(text, options), `${JSON.stringify(text)} ${JSON.stringify(options)}`);
  }
  // Every code unit of the candidate ranges, alone and between letters.
  for (let c = 0x20; c < 0x2900; c++) {
    const ch = String.fromCharCode(c);
    assert.equal(fast(`a${ch}b`), stringWidth(`a${ch}b`), `U+${c.toString(16)}`);
  }
  assert.equal(loads, 1, 'the real string-width loaded once, when first needed');
  const plain = createFastStringWidth(() => assert.fail('plain text must not load string-width'));
  assert.equal(plain(`${ESC}[1m│ Αθήνα → ✓ ok${ESC}[22m`), 14);
});

const segments = (it: Iterable<{ segment: string; index: number }>) => [...it].map(({ segment, index }) => ({ segment, index }));
const intl = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

test('graphemes() and the lazy segmenter split as Intl.Segmenter does', () => {
  const lazy = lazySegmenter();
  for (const text of [...CORPUS, CORPUS.join(''), `${ESC}${ESC}[0m`]) {
    const want = segments(intl.segment(text));
    assert.deepEqual(segments(graphemes(text)), want, JSON.stringify(text));
    assert.deepEqual(segments(lazy.segment(text)), want, JSON.stringify(text));
  }
});

test('styledChar makes the same styled characters as the spread it replaces', () => {
  for (const text of CORPUS) {
    let codes: ReturnType<typeof reduceAnsiCodesIncremental> = [];
    for (const token of tokenize(text)) {
      if (token.type === 'ansi') codes = reduceAnsiCodesIncremental(codes, [token]);
      else if (token.type === 'char') {
        const made = styledChar(token, codes);
        assert.deepEqual(made, { ...token, styles: [...codes] });
        assert.deepEqual(Object.keys(made), Object.keys({ ...token, styles: [] }));
        assert.notEqual(made.styles, codes);
      }
    }
  }
});

test('Ink output: one blank cell as Ink builds it, caches shared until they grow large', () => {
  assert.deepEqual(BLANK_CELL, { type: 'char', value: ' ', fullWidth: false, styles: [] });
  let made = 0;
  const caches = { styledChars: new Map<string, unknown>(), widths: new Map<string, number>() };
  const next = sharedCaches(() => {
    made++;
    return { styledChars: new Map(caches.styledChars), widths: new Map(caches.widths) };
  });
  const first = next();
  assert.equal(next(), first);
  for (let i = 0; i <= MAX_STYLED_LINES; i++) first.styledChars.set(String(i), []);
  assert.notEqual(next(), first);
  assert.equal(made, 2);
});
