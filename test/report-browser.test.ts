// The HTML report in a real headless browser (Debian's chromium, installed by
// scripts/ensure-system-deps.sh): rendered to a screenshot (its size, not blank) and printed to
// PDF, whose text (pdftotext) must hold what a reader is meant to see, hostile names shown as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixture, run } from './cli-harness.js';
import { call } from './emulator-helpers.js';

const HOSTILE = '<img src=x onerror=alert(1)> & "q" | \u001b[31mred';

function have(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** One headless chromium run in a fresh profile, with everything that would go online turned off. */
function chromium(args: string[], dir: string, name: string): Promise<number> {
  const profile = mkdtempSync(join(dir, `${name}-profile-`));
  const started = Date.now();
  return new Promise((resolve, reject) => {
    execFile('chromium', [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, ...args,
    ], { timeout: 90_000, env: { ...process.env, HOME: dir } }, (err) => (err ? reject(err) : resolve(Date.now() - started)));
  });
}

/** Width and height from a PNG's IHDR. */
function pngSize(png: Buffer): { width: number; height: number } {
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', 'a PNG file');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

test('the HTML report renders in headless chromium: a full page at 1200x1600, printed text as intended, hostile names inert', { timeout: 240_000 }, async () => {
  assert.ok(have('chromium') && have('pdftotext'), 'chromium and pdftotext are needed: run bash scripts/ensure-system-deps.sh (as root it installs them)');
  const f = await fixture();
  const dir = mkdtempSync(join(tmpdir(), 'vcreds-report-browser-'));
  try {
    // An OAuth client whose name is markup, an ampersand, a quote, a pipe and a terminal escape,
    // expiring within the report's 30 days, owned by the admin API account.
    const made = await call(f.emu, f.emu.admin, '/oauth_clients', Date.now, {
      method: 'POST',
      body: { name: HOSTILE, expiration_ts: new Date(Date.now() + 12 * 86_400_000).toISOString(), roles: [{ role_name: 'resultsapi' }] },
    });
    assert.ok(made.status < 300, JSON.stringify(made.body));

    const html = join(dir, 'report.html');
    const r = await run(f.args('report', '--out', html), { env: f.env });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /report written to .*report\.html \(html, \d+ findings/);
    const source = readFileSync(html, 'utf8');
    assert.doesNotMatch(source, /<script|<link|<img|@import|url\(/i, 'no script, no external asset');
    assert.doesNotMatch(source, /<[^>]*\s(src|href)=/i, 'no element loads anything');
    assert.ok(source.includes('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot; | \\e[31mred'), 'escaped for HTML, the ESC made visible');

    const png = join(dir, 'out.png');
    const pdf = join(dir, 'out.pdf');
    const url = pathToFileURL(html).href;
    const started = Date.now();
    const [shotMs, printMs] = await Promise.all([
      chromium([`--screenshot=${png}`, '--window-size=1200,1600', '--hide-scrollbars', url], dir, 'shot'),
      chromium(['--no-pdf-header-footer', `--print-to-pdf=${pdf}`, url], dir, 'print'),
    ]);
    console.log(`chromium: screenshot ${shotMs} ms, print ${printMs} ms, both ${Date.now() - started} ms`);

    const shot = readFileSync(png);
    assert.deepEqual(pngSize(shot), { width: 1200, height: 1600 });
    // A blank 1200x1600 page compresses to a few kilobytes; text, tables and a chart do not.
    assert.ok(shot.length > 60_000, `the screenshot has content (${shot.length} bytes)`);

    // Reading order (no -layout): a cell's wrapped lines follow each other.
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
    assert.ok(pages >= 1 && pages <= 12, `printed on ${pages} pages`);
    for (const expected of [
      'Veracode API credentials: hygiene report',
      'Summary',
      'Expiry timeline: one bar per week, 4 weeks back and 13 ahead',
      'this week', // drawn by the SVG
      'Expired, or expiring within 30 days',
      'Expired keys never revoked',
      'API service accounts holding administrator roles',
      'Keys older than 90 days',
      'OAuth clients with more than one live secret',
      'vcreds-admin',
      'adminapi',
    ]) assert.ok(text.includes(expected), `rendered: ${expected}`);
    // The hostile name is shown as the text it is, never as an image or markup.
    assert.ok(text.replace(/\s+/g, ' ').includes('<img src=x onerror=alert(1)> & "q" | \\e[31mred'), 'the hostile name printed literally');
    assert.ok(statSync(pdf).size > 20_000);
  } finally {
    if (!process.env.KEEP_REPORT_DIR) rmSync(dir, { recursive: true, force: true });
    else console.log(dir);
    await f.close();
  }
});
