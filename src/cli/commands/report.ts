// `vcreds report`: the hygiene report of the organisation (what the key in use can see), as
// Markdown, one self-contained HTML file, or CSV (one row per finding); to stdout or --out FILE.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { buildReport, DEFAULT_OLDER_THAN_DAYS } from '../../ops/report.js';
import { renderCsv } from '../../report/csv.js';
import { renderHtml } from '../../report/html.js';
import { renderMarkdown } from '../../report/markdown.js';
import { escapeControl } from '../../text/escape.js';
import type { CliState } from '../cli-state.js';
import { CliError } from '../errors.js';
import { nonBlank, parseDays } from '../parse.js';

export type ReportFormat = 'md' | 'html' | 'csv';
const FORMATS: Record<string, ReportFormat> = { md: 'md', markdown: 'md', html: 'html', htm: 'html', csv: 'csv' };

function parseFormat(value: string): ReportFormat {
  const f = FORMATS[value.trim().toLowerCase()];
  if (!f) throw new InvalidArgumentError('Allowed: md, html, csv.');
  return f;
}

/** The format --out's extension names (.md, .html, .csv), when --format is not given. */
export function formatFromPath(path: string): ReportFormat | undefined {
  return FORMATS[extname(path).slice(1).toLowerCase()];
}

const EXAMPLES = `
Sections: counts per status; everything expired or expiring within 30 days, with owners; expired
keys never revoked; API service accounts holding administrator roles (adminapi, extadmin); keys
older than --older-than days (OAuth clients: their newest live secret); OAuth clients with more
than one live secret; the expiry timeline (one bar per week, 4 weeks back and 13 ahead, stacked
by status). CSV has one row per finding, most severe first. An administrator's key sees the whole
organisation, any other key only its own credentials.

Examples:
  vcreds report                                   on a terminal: the counts and findings as tables;
                                                  piped: Markdown (renders on GitHub)
  vcreds report --out hygiene.html                one self-contained HTML file (format from the extension)
  vcreds report --format csv --older-than 180 > findings.csv
  vcreds --profile audit report --format html --out /tmp/report.html
`;

interface ReportOptions {
  format?: ReportFormat;
  out?: string;
  olderThan: number;
}

/** Writes beside the target then renames: a reader never sees half a report. */
function writeReport(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text, { mode: 0o644 });
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new CliError(`could not write ${path} (${code})`, 1, 'Check that the folder exists and that you can write to it.');
  }
}

export function registerReport(program: Command, cli: CliState): void {
  program
    .command('report')
    .description('hygiene report for a security review: expiring, expired, admin service accounts, old keys, timeline')
    .addOption(new Option('--format <format>', 'md, html or csv (default: from --out\'s extension, else md)').argParser(parseFormat))
    .addOption(new Option('--out <file>', 'write to FILE instead of stdout').argParser(nonBlank('a file path', 4096)))
    .addOption(new Option('--older-than <days>', 'report keys older than DAYS').default(DEFAULT_OLDER_THAN_DAYS).argParser(parseDays))
    .addHelpText('after', EXAMPLES)
    .action(async (o: ReportOptions) => {
      const session = await cli.session();
      const org = await session.ctx.service.loadOrganisation();
      for (const w of org.warnings ?? []) cli.warn(escapeControl(w, { oneLine: true }));
      const report = buildReport(
        { credentials: org.credentials, users: org.users, caller: org.caller, apiUrl: session.ctx.connection.apiUrl, profile: session.ctx.connection.profile, warnings: org.warnings },
        { now: session.ctx.now(), olderThanDays: o.olderThan },
      );
      const format = o.format ?? (o.out ? formatFromPath(o.out) : undefined) ?? 'md';
      const text = format === 'html' ? renderHtml(report) : format === 'csv' ? renderCsv(report) : renderMarkdown(report);
      if (!o.out && !o.format && cli.io.stdout.isTTY) {
        // On a terminal, a preview: the counts and findings as tables (ink-table), not a page of Markdown.
        const { reportPreview } = await import('../../../components/report-preview.js');
        cli.io.stdout.write(reportPreview(report, Math.max(60, cli.io.stdout.columns ?? 100)));
        return;
      }
      if (!o.out) {
        cli.io.stdout.write(text);
        return;
      }
      writeReport(o.out, text);
      cli.note(`report written to ${escapeControl(o.out, { oneLine: true })} (${format}, ${report.findings.length} findings, ${report.total} credentials)`);
    });
}
