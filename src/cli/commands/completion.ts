// `vcreds completion bash|zsh|fish`: a shell completion script generated from the command
// definitions themselves (commander's tree of commands and options), so it cannot drift from them.
// Profile names are asked for at completion time through the hidden `vcreds __complete profiles`,
// which prints profile names only: never a key id or a secret.
import { Argument, Command, type Option } from 'commander';
import { listProfiles } from '../../credentials/sources.js';
import type { CliState } from '../cli-state.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** What the script completes after a flag that takes a value. */
type ValueKind = { kind: 'profiles' } | { kind: 'files' } | { kind: 'choices'; values: string[] } | { kind: 'none' };

interface FlagSpec {
  /** --long and -s forms. */
  names: string[];
  description: string;
  value: ValueKind | null;
}

interface CommandSpec {
  /** Words after `vcreds` ('' for vcreds itself), e.g. 'create hmac'. */
  path: string;
  description: string;
  flags: FlagSpec[];
  subcommands: { name: string; description: string }[];
  /** Choices of the first positional argument, when it declares them. */
  argChoices: string[];
}

/** The words a completion script may offer: plain names only (no quoting surprises in any shell). */
const SAFE_WORD = /^[A-Za-z0-9_][A-Za-z0-9_.:@+-]*$/;

function valueKind(option: Option): ValueKind | null {
  if (!option.required && !option.optional) return null;
  if (option.argChoices?.length) return { kind: 'choices', values: option.argChoices.filter((v) => SAFE_WORD.test(v)) };
  if (/profile$/i.test(option.attributeName())) return { kind: 'profiles' };
  const placeholder = /[<[]([^>\]]+)[>\]]/.exec(option.flags)?.[1] ?? '';
  if (/file|path|dir/i.test(placeholder)) return { kind: 'files' };
  return { kind: 'none' };
}

function flagSpec(option: Option): FlagSpec {
  const names = [option.long, option.short].filter((n): n is string => Boolean(n));
  return { names, description: option.description, value: valueKind(option) };
}

/** Every visible command under `root`, depth first; global flags (the root's) apply everywhere. */
export function commandSpecs(root: Command): CommandSpec[] {
  const help = root.createHelp();
  const globals = help.visibleOptions(root).filter((o) => o.long !== '--version' && o.long !== '--help');
  const specs: CommandSpec[] = [];
  const walk = (cmd: Command, path: string[]) => {
    const own = help.visibleOptions(cmd).map(flagSpec);
    const ownNames = new Set(own.flatMap((f) => f.names));
    const inherited = cmd === root ? [] : globals.map(flagSpec).filter((f) => !f.names.some((n) => ownNames.has(n)));
    // Commander's implicit `help` subcommand is left out: --help is offered everywhere.
    const subs = help.visibleCommands(cmd).filter((c) => SAFE_WORD.test(c.name()) && c.name() !== 'help');
    const firstArg = cmd.registeredArguments[0];
    specs.push({
      path: path.join(' '),
      description: cmd.description(),
      flags: [...own, ...inherited],
      subcommands: subs.map((c) => ({ name: c.name(), description: c.summary() || c.description() })),
      argChoices: (firstArg?.argChoices ?? []).filter((v) => SAFE_WORD.test(v)),
    });
    for (const sub of subs) walk(sub, [...path, sub.name()]);
  };
  walk(root, []);
  return specs;
}

/** A single-quoted word for bash, zsh and fish alike ('it'\''s'). */
function sq(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** fish reads '\'' differently inside single quotes: escape instead. */
function fishQuote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** One line of a description: the first sentence-ish, no newlines. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const valueFlags = (spec: CommandSpec) => spec.flags.filter((f) => f.value);

/**
 * `case "$path|$flag"` arms completing flag values, one arm per distinct body (every --profile
 * of every command shares one); values with nothing to offer fall through.
 */
function casesByBody(specs: CommandSpec[], indent: string, bodyOf: (v: ValueKind) => string | null): string[] {
  const arms = new Map<string, string[]>();
  for (const s of specs) {
    for (const f of valueFlags(s)) {
      const body = bodyOf(f.value!);
      if (!body) continue;
      arms.set(body, [...(arms.get(body) ?? []), ...f.names.map((n) => sq(`${s.path}|${n}`))]);
    }
  }
  return [...arms].map(([body, patterns]) => `${indent}${patterns.join('|')}) ${body} ;;`);
}

function bashScript(specs: CommandSpec[], bin: string): string {
  const fn = `_${bin.replace(/[^A-Za-z0-9_]/g, '_')}`;
  const takesValue = specs.flatMap((s) => valueFlags(s).flatMap((f) => f.names.map((n) => sq(`${s.path}|${n}`))));
  const paths = specs.filter((s) => s.path).map((s) => sq(s.path));
  const valueCases = casesByBody(specs, '      ', (v) =>
    v.kind === 'profiles' ? `local IFS=$'\\n'; COMPREPLY=($(compgen -W "$(${bin} __complete profiles 2>/dev/null)" -- "$cur"))`
    : v.kind === 'files' ? 'compopt -o default 2>/dev/null; COMPREPLY=()'
    : v.kind === 'choices' ? `COMPREPLY=($(compgen -W ${sq(v.values.join(' '))} -- "$cur"))`
    : null);
  const wordCases = specs.map((s) => {
    const flags = s.flags.flatMap((f) => f.names).join(' ');
    const words = [...s.subcommands.map((c) => c.name), ...s.argChoices].join(' ');
    return `    ${sq(s.path)}) flags=${sq(flags)}; words=${sq(words)} ;;`;
  });
  return `# bash completion for ${bin}, generated by \`${bin} completion bash\` from its command definitions.
# Load it with: source <(${bin} completion bash)   (e.g. in ~/.bashrc)

# Whether FLAG takes a value after the command PATH: ${fn}_takes_value PATH FLAG
${fn}_takes_value() {
  case "$1|$2" in
    ${takesValue.join('|') || "''"}) return 0 ;;
  esac
  return 1
}

${fn}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="" path="" w i flags="" words=""
  ((COMP_CWORD > 0)) && prev="\${COMP_WORDS[COMP_CWORD-1]}"
  # --flag=value arrives as three words: --flag, =, value.
  if [[ "$cur" == "=" ]]; then prev="\${COMP_WORDS[COMP_CWORD-1]}"; cur=""; fi
  if [[ "$prev" == "=" ]] && ((COMP_CWORD > 1)); then prev="\${COMP_WORDS[COMP_CWORD-2]}"; fi

  # The command path typed so far (create hmac, config set…), flags and their values skipped.
  for ((i = 1; i < COMP_CWORD; i++)); do
    w="\${COMP_WORDS[i]}"
    [[ "$w" == "--" ]] && break
    if [[ "$w" == -* ]]; then
      if ${fn}_takes_value "$path" "$w"; then
        ((i++))
        [[ "\${COMP_WORDS[i]}" == "=" ]] && ((i++))
      fi
      continue
    fi
    case "\${path:+$path }$w" in
      ${paths.join('|') || "''"}) path="\${path:+$path }$w" ;;
    esac
  done

  if [[ "$prev" == -* ]] && ${fn}_takes_value "$path" "$prev"; then
    case "$path|$prev" in
${valueCases.join('\n')}
    esac
    return 0
  fi

  case "$path" in
${wordCases.join('\n')}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$flags" -- "$cur"))
  else
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
  fi
  return 0
}

complete -F ${fn} ${bin}
`;
}

function zshScript(specs: CommandSpec[], bin: string): string {
  const fn = `_${bin.replace(/[^A-Za-z0-9_]/g, '_')}`;
  const described = (name: string, description: string) => sq(`${name.replace(/:/g, '\\:')}:${oneLine(description)}`);
  const takesValue = specs.flatMap((s) => valueFlags(s).flatMap((f) => f.names.map((n) => sq(`${s.path}|${n}`))));
  const paths = specs.filter((s) => s.path).map((s) => sq(s.path));
  const valueCases = casesByBody(specs, '    ', (v) =>
    v.kind === 'profiles' ? `local -a profiles; profiles=(\${(f)"$(${bin} __complete profiles 2>/dev/null)"}); compadd -a profiles`
    : v.kind === 'files' ? '_files'
    : v.kind === 'choices' ? `compadd -- ${v.values.map(sq).join(' ')}`
    : null);
  const wordCases = specs.map((s) => {
    const flags = s.flags.flatMap((f) => f.names.map((n) => described(n, f.description)));
    const words = [...s.subcommands.map((c) => described(c.name, c.description)), ...s.argChoices.map((v) => described(v, ''))];
    return `    ${sq(s.path)}) flags=(${flags.join(' ')}); words_=(${words.join(' ')}) ;;`;
  });
  return `#compdef ${bin}
# zsh completion for ${bin}, generated by \`${bin} completion zsh\` from its command definitions.
# Load it with: source <(${bin} completion zsh)   (after compinit, e.g. in ~/.zshrc)
# or save it as _${bin} in a directory of your $fpath.

${fn}_takes_value() {
  case "$1|$2" in
    ${takesValue.join('|') || "''"}) return 0 ;;
  esac
  return 1
}

${fn}() {
  local path_="" w i prev="\${words[CURRENT-1]}"
  local -a flags words_
  for ((i = 2; i < CURRENT; i++)); do
    w="\${words[i]}"
    [[ "$w" == "--" ]] && break
    if [[ "$w" == -* ]]; then
      ${fn}_takes_value "$path_" "$w" && ((i++))
      continue
    fi
    case "\${path_:+$path_ }$w" in
      ${paths.join('|') || "''"}) path_="\${path_:+$path_ }$w" ;;
    esac
  done

  if [[ "$prev" == -* ]] && ${fn}_takes_value "$path_" "$prev"; then
    case "$path_|$prev" in
${valueCases.join('\n')}
    esac
    return
  fi

  case "$path_" in
${wordCases.join('\n')}
  esac
  if [[ "$PREFIX" == -* ]]; then
    _describe -t options 'option' flags
  else
    _describe -t commands 'command' words_
  fi
}

if [[ "\${zsh_eval_context[-1]}" == loadautofunc ]]; then
  ${fn} "$@"
else
  compdef ${fn} ${bin}
fi
`;
}

function fishScript(specs: CommandSpec[], bin: string): string {
  const fn = `__${bin.replace(/[^A-Za-z0-9_]/g, '_')}`;
  const takesValue = specs.flatMap((s) => valueFlags(s).flatMap((f) => f.names.map((n) => fishQuote(`${s.path}|${n}`))));
  const lines: string[] = [
    `# fish completion for ${bin}, generated by \`${bin} completion fish\` from its command definitions.`,
    `# Install it with: ${bin} completion fish > ~/.config/fish/completions/${bin}.fish`,
    '',
    `function ${fn}_takes_value`,
    '    switch "$argv[1]|$argv[2]"',
    `        case ${takesValue.join(' ') || "''"}`,
    '            return 0',
    '    end',
    '    return 1',
    'end',
    '',
    '# The command path typed so far (create hmac, config set…), flags and their values skipped.',
    `function ${fn}_path`,
    `    set -l paths ${specs.filter((s) => s.path).map((s) => fishQuote(s.path)).join(' ')}`,
    '    set -l path ""',
    '    set -l skip 0',
    '    for w in (commandline -opc)[2..-1]',
    '        if test $skip = 1',
    '            set skip 0',
    '            continue',
    '        end',
    '        test "$w" = "--"; and break',
    '        if string match -q -- "-*" $w',
    `            ${fn}_takes_value "$path" "$w"; and set skip 1`,
    '            continue',
    '        end',
    '        set -l next (string trim -- "$path $w")',
    '        contains -- $next $paths; and set path $next',
    '    end',
    '    echo $path',
    'end',
    '',
    `function ${fn}_at`,
    `    set -l path (${fn}_path)`,
    '    test "$path" = "$argv[1]"',
    'end',
    '',
    `complete -c ${bin} -f`,
  ];
  for (const s of specs) {
    const at = `-n ${fishQuote(`${fn}_at ${fishQuote(s.path)}`)}`;
    for (const c of s.subcommands) lines.push(`complete -c ${bin} ${at} -a ${fishQuote(c.name)} -d ${fishQuote(oneLine(c.description))}`);
    for (const v of s.argChoices) lines.push(`complete -c ${bin} ${at} -a ${fishQuote(v)}`);
    for (const f of s.flags) {
      const names = f.names.map((n) => (n.startsWith('--') ? `-l ${n.slice(2)}` : `-s ${n.slice(1)}`)).join(' ');
      const v = f.value;
      const value =
        !v ? ''
        : v.kind === 'profiles' ? ` -x -a ${fishQuote(`(${bin} __complete profiles 2>/dev/null)`)}`
        : v.kind === 'files' ? ' -r -F'
        : v.kind === 'choices' ? ` -x -a ${fishQuote(v.values.join(' '))}`
        : ' -x';
      lines.push(`complete -c ${bin} ${at} ${names}${value} -d ${fishQuote(oneLine(f.description))}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function completionScript(shell: Shell, root: Command): string {
  const specs = commandSpecs(root);
  const bin = root.name();
  return shell === 'bash' ? bashScript(specs, bin) : shell === 'zsh' ? zshScript(specs, bin) : fishScript(specs, bin);
}

const rootOf = (cmd: Command): Command => (cmd.parent ? rootOf(cmd.parent) : cmd);

export function registerCompletion(program: Command, cli: CliState): void {
  program
    .command('completion')
    .description('print a shell completion script (bash, zsh or fish)')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(SHELLS))
    .addHelpText(
      'after',
      `
Examples:
  source <(vcreds completion bash)                           bash: add the line to ~/.bashrc
  source <(vcreds completion zsh)                            zsh: in ~/.zshrc, after compinit
  vcreds completion fish > ~/.config/fish/completions/vcreds.fish

Commands, subcommands and flags are completed, and profile names after --profile (read from the
credentials file when you press Tab: names only, never a key).
`,
    )
    .action((shell: Shell, _o: unknown, cmd: Command) => {
      cli.out(completionScript(shell, rootOf(cmd)));
    });

  // The scripts' helper: names only, one a line; nothing (and success) when the file is absent or unreadable.
  program
    .command('__complete', { hidden: true })
    .argument('<what>')
    .action((what: string) => {
      if (what !== 'profiles') return;
      let names: string[] = [];
      try {
        names = listProfiles(cli.credentialsPath);
      } catch {
        names = [];
      }
      const shown = names.filter((n) => n && !/[\s\p{Cc}'"\\$`]/u.test(n));
      if (shown.length) cli.out(shown.join('\n'));
    });
}
