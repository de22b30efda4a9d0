import type { Model, Screen } from '../src/tui/app/model.js';
import { dateOnly } from '../src/model/credential.js';
import { rotateBindings } from '../src/tui/app/on-dialogs.js';
import { hmacRotationPlan, oauthRotationPlan } from '../src/tui/dialogs/rotate-report.js';
import { needsTypedConfirmation } from '../src/tui/dialogs/rotate-dialog.js';
import { confirmationOf } from '../src/tui/dialogs/revoke-dialog.js';
import { UNCERTAIN_ADVICE } from '../src/tui/dialogs/failure.js';
import { reportForms } from '../src/tui/dialogs/secret-rows.js';
import { frameLayout } from '../src/tui/frame/frame.js';
import { BLANK_ROW, fieldRow, fitParts, fixed, marked, para, part, type Part } from '../src/tui/frame/rows.js';
import { visibleSlice } from '../src/tui/input/editor.js';
import { overlayBox } from '../src/tui/list/list-screen.js';
import { targetsOfCredential } from '../src/tui/app/on-targets.js';
import { Frame } from './frame.js';

/** Rotate an HMAC pair (profiles updated, proven, reported) or add a secret to an OAuth client. */
export function RotateDialog({ model, screen }: { model: Model; screen: Extract<Screen, { kind: 'rotate' }> }) {
  const d = screen.dialog;
  const c = d.credential;
  const box = overlayBox(model);
  const bindings = rotateBindings(d);
  const error = d.phase.kind === 'confirm' ? d.wrong : null;
  const frame = frameLayout(box.width, box.height, bindings, { readOnly: model.readOnly }, error);
  const inner = frame.inner;
  const lines = (key: string, texts: readonly string[]) => part(key, (one) => texts.flatMap((t) => para(t, inner, { oneRow: one })));
  const question = (text: string): Part[] => [fixed('gap', [BLANK_ROW]), fixed('question', para(text, inner, { tone: 'bold' }))];
  const what = c.type === 'hmac' ? `HMAC key of ${c.owner.userName}` : `OAuth client "${c.name ?? c.id}"`;
  let title = `Rotate ${what}`;
  const parts: Part[] = [];
  const p = d.phase;
  switch (p.kind) {
    case 'confirm':
      {
        const targets = targetsOfCredential(model, c.id).map((b) => b.target);
        parts.push(lines('plan', c.type === 'hmac' ? hmacRotationPlan(c, model.credentialsPath, targets.length > 0) : oauthRotationPlan(c, model.data.now)));
        parts.push(lines('targets', [targets.length
          ? `Then delivered to ${targets.join(', ')}, each proven where the target allows${c.type === 'oauth' ? '; the previous secret is retired only once every target has the new one' : ''}.`
          : 'No delivery targets (t in the details screen adds one).']));
      }
      if (d.selfWarning) parts.push(fixed('self', marked('fail', d.selfWarning, inner)));
      if (needsTypedConfirmation(d)) {
        parts.push(fixed('gap', [BLANK_ROW]), fixed('typed', [fieldRow(`Type the last 4 characters of the id (${confirmationOf(c)})`, visibleSlice(d.typed, 10))]));
      } else parts.push(...question('Rotate now? y/N'));
      break;
    case 'running':
      parts.push(fixed('busy', para(c.type === 'hmac' ? '… Generating the new pair, updating profiles, testing it' : '… Adding a secret and testing it', inner)));
      break;
    case 'failed':
      parts.push(
        part('why', (one) => marked('fail', `Rotation failed: ${p.failure.message}`, inner, one), 3),
        ...(p.hint ? [lines('hint', [p.hint])] : []),
        p.failure.uncertain ? part('advice', (one) => marked('warn', UNCERTAIN_ADVICE, inner, one)) : lines('advice', ['No new secret was created.']),
      );
      break;
    case 'done':
      title = `${title}: done`;
      parts.push({ key: 'report', forms: reportForms(p.report, inner), shrink: 1 });
      break;
    case 'retire': {
      const many = p.old.length > 1;
      title = `${title}: retire the previous secret${many ? 's' : ''}?`;
      parts.push({ key: 'old', forms: [
        p.old.flatMap((s) => marked('info', `${s.secretId} (created ${dateOnly(s.createdAt, 'unknown')}, expires ${dateOnly(s.expiresAt, 'unknown')})`, inner)),
        p.old.flatMap((s) => marked('info', s.secretId, inner, true)),
      ], shrink: 1 });
      if (p.proofFailed) parts.push(part('proof', (one) => marked('fail', 'The new secret failed its token request: keep the previous one until it works.', inner, one), 3));
      parts.push(part('warn', (one) => marked('warn', `Anything still using ${many ? 'these secrets' : 'this secret'} stops working once retired.`, inner, one)));
      parts.push(...question('Retire now? y/N'));
      break;
    }
    case 'retiring':
      parts.push(fixed('busy', para('… Retiring the previous secret', inner)));
      break;
    case 'retired':
      title = `${title}: done`;
      parts.push({ key: 'done', forms: [[
        ...p.retired.flatMap((id) => marked('ok', `Retired ${id}`, inner)),
        ...p.failures.flatMap((f) => marked('fail', `Not retired: ${f} (retire it later from the details view)`, inner)),
      ]] });
      break;
  }
  const rows = fitParts(parts, frame.bodyRows).flatMap((x) => [...x.rows]);
  return <Frame box={box} title={title} rows={rows} error={error} bindings={bindings} context={{ readOnly: model.readOnly }} />;
}
