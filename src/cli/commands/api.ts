// `vcreds api [-X METHOD] PATH [-f key=value]...`: like `gh api`, signed.
import { Option, type Command } from 'commander';
import { messageFromJson } from '../../api/errors.js';
import type { CliState } from '../cli-state.js';
import { CliError } from '../errors.js';
import { EXAMPLES } from '../help.js';
import { MAX_URL_LENGTH, nonBlank, parseField, parseMethod } from '../parse.js';
import { escapeControl, jsonText } from '../../text/escape.js';

/** Accepts a path, or a full URL whose path is used (pasted from docs). */
export function apiPath(input: string): string {
  const t = input.trim();
  if (/^https?:\/\//i.test(t)) {
    const u = new URL(t);
    return u.pathname + u.search;
  }
  return t.startsWith('/') ? t : `/${t}`;
}

export function registerApi(program: Command, cli: CliState): void {
  program
    .command('api')
    .description('an authenticated request to any Veracode REST path; JSON to stdout')
    .argument('<path>', 'e.g. /api/authn/v2/users/self', nonBlank('a path such as /api/authn/v2/users/self', MAX_URL_LENGTH))
    .addOption(new Option('-X, --method <method>', 'HTTP method').default('GET').argParser(parseMethod))
    .addOption(new Option('-f, --field <key=value>', 'query parameter (GET) or JSON body field (others); repeatable').argParser(parseField))
    .addHelpText('after', EXAMPLES.api)
    .action(async (path: string, o: { method: string; field?: [string, unknown][] }) => {
      if (o.method !== 'GET' && o.method !== 'HEAD') cli.refuseIfReadOnly(`send a ${o.method} request`);
      const session = await cli.session();
      const fields = o.field ?? [];
      const target = apiPath(path);
      const options =
        o.method === 'GET' || o.method === 'HEAD'
          ? { query: Object.fromEntries(fields.map(([k, v]) => [k, v === null ? 'null' : (v as string | number | boolean)])) }
          : { json: Object.fromEntries(fields) };
      const answer = await session.client.requestRaw(o.method, target, options);
      if (answer.body !== undefined) {
        // A body that is not JSON is text from the server: printed with its controls escaped.
        cli.out(typeof answer.body === 'string' ? escapeControl(answer.body, { oneLine: false }) : jsonText(answer.body));
      }
      if (answer.status < 200 || answer.status >= 300) {
        // Any of the error shapes Veracode's APIs use, not only {message}.
        const words = messageFromJson(answer.body);
        const said = words ? `: ${words}` : '';
        throw new CliError(
          `${o.method} ${target} answered ${answer.status}${said}`,
          1,
          answer.conversationId ? `Veracode support may ask for the conversation id ${answer.conversationId}.` : undefined,
        );
      }
    });
}
