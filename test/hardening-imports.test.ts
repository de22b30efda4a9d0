// No import circles in src/: a module graph with a circle loads in an order that depends on who
// imports first (a value can be undefined at load), and it blurs which layer owns what (the API
// client once imported the OAuth-client adapter, which imported the client back).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Every relative import and re-export, type-only ones included (tools such as madge count them). */
function importsOf(file: string): string[] {
  const out: string[] = [];
  for (const m of readFileSync(file, 'utf8').matchAll(/(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'/g)) {
    const base = resolve(dirname(file), m[1]!).replace(/\.js$/, '');
    const hit = ['.ts', '.tsx'].map((ext) => base + ext).find((p) => existsSync(p));
    if (hit) out.push(hit);
  }
  return out;
}

test('src/ has no import circle', () => {
  const graph = new Map(sources(join(ROOT, 'src')).map((f) => [f, importsOf(f)]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const circles: string[] = [];
  const visit = (n: string) => {
    state.set(n, 'open');
    stack.push(n);
    for (const d of graph.get(n) ?? []) {
      if (state.get(d) === 'open') circles.push([...stack.slice(stack.indexOf(d)), d].map((p) => relative(ROOT, p)).join(' -> '));
      else if (!state.has(d)) visit(d);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of graph.keys()) if (!state.has(n)) visit(n);
  assert.deepEqual(circles, []);
});
