// `vcreds doctor`: audit the local setup; exit 1 when anything needs fixing.
import type { Command } from 'commander';
import { doctorExitCode, evaluateDoctor, gatherDoctorFacts, type Finding } from '../../ops/doctor.js';
import type { CliState } from '../cli-state.js';
import { UsageError } from '../errors.js';
import { EXAMPLES } from '../help.js';
import type { Painter } from '../output.js';
import { escapeControl, jsonText } from '../../text/escape.js';

const MARK: Record<Finding['severity'], [string, Parameters<Painter>[0]]> = {
  ok: ['ok   ', 'green'],
  warn: ['warn ', 'yellow'],
  error: ['error', 'red'],
};

export function formatFindings(findings: readonly Finding[], paint: Painter): string {
  const lines: string[] = [];
  for (const f of findings) {
    const [label, style] = MARK[f.severity];
    // Findings quote profile names, paths and the server's words: shown escaped.
    lines.push(`${paint(style, label)}  ${escapeControl(f.message, { oneLine: true })}`);
    if (f.fix) lines.push(`       fix: ${escapeControl(f.fix, { oneLine: true })}`);
  }
  const problems = findings.filter((f) => f.severity !== 'ok').length;
  lines.push('', problems ? `${problems} problem${problems === 1 ? '' : 's'} to fix.` : 'All good.');
  return lines.join('\n');
}

export function registerDoctor(program: Command, cli: CliState): void {
  program
    .command('doctor')
    .description('audit the local setup: credentials file, env vars, each key against the server')
    .option('--json', 'JSON on stdout')
    .addHelpText('after', EXAMPLES.doctor)
    .action(async (o: { json?: boolean }) => {
      if (cli.globals.demo) throw new UsageError('--demo: doctor audits your own setup, which the demo does not use', 'Run vcreds doctor without --demo.');
      const facts = await gatherDoctorFacts({
        env: cli.io.env,
        credentialsPath: cli.credentialsPath,
        apiUrl: cli.globals.apiUrl,
        region: cli.globals.region,
        // Profiles are checked by their own key, so --profile must not override them.
        open: (choice) => cli.open({ ...choice, profile: choice.profile ?? '' }),
      });
      const findings = evaluateDoctor(facts);
      if (o.json) cli.out(jsonText({ exitCode: doctorExitCode(findings), findings }));
      else cli.out(formatFindings(findings, cli.paint));
      cli.exitCode = doctorExitCode(findings);
    });
}
