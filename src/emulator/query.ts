// Query values read the way Veracode's server (Spring) reads them, so that clients written against
// it get the same answers here. Veracode's Python library sends booleans as Python prints them
// (`detailed=True`, `saml_user=False`): Spring's boolean conversion takes those, case-insensitively.
import { validationError } from './replies.js';

// Spring's StringToBooleanConverter: these words, any case.
const TRUE = new Set(['true', 'on', 'yes', '1']);
const FALSE = new Set(['false', 'off', 'no', '0']);

/** undefined when absent or empty; a value Spring could not convert is a 400 naming the parameter. */
export function queryBoolean(query: URLSearchParams, name: string): boolean | undefined {
  const raw = query.get(name)?.trim().toLowerCase();
  if (!raw) return undefined;
  if (TRUE.has(raw)) return true;
  if (FALSE.has(raw)) return false;
  throw validationError([`${name}: must be true or false`]);
}

/** An enumerated value, compared in lower case (`user_type=API` is `api`); undefined when absent. */
export function queryWord(query: URLSearchParams, name: string): string | undefined {
  const raw = query.get(name)?.trim().toLowerCase();
  return raw ? raw : undefined;
}
