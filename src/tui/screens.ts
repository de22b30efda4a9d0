// The one screen stack (k9s PageStack): the top screen owns the keyboard.
import type { Credential } from '../model/credential.js';

export type Screen =
  | { kind: 'list' }
  | { kind: 'search' }
  | { kind: 'details'; id: string }
  | { kind: 'filter' }
  | { kind: 'columns' }
  | { kind: 'sort' }
  | { kind: 'help' }
  | { kind: 'wizard'; prefill?: Credential }
  | { kind: 'revoke'; id: string }
  | { kind: 'rotate'; id: string };

export type StackAction = { type: 'push'; screen: Screen } | { type: 'pop' } | { type: 'replace'; screen: Screen };

/** The list is the floor: it is never popped (leaving it is quitting, which the root decides). */
export function stackReducer(stack: readonly Screen[], a: StackAction): readonly Screen[] {
  switch (a.type) {
    case 'push':
      return [...stack, a.screen];
    case 'pop':
      return stack.length > 1 ? stack.slice(0, -1) : stack;
    case 'replace':
      return stack.length > 1 ? [...stack.slice(0, -1), a.screen] : [...stack, a.screen];
  }
}

export function topOf(stack: readonly Screen[]): Screen {
  return stack[stack.length - 1]!;
}
