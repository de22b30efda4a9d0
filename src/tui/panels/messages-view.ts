// The messages screen: every message and error of the session, whole (wrapped, never cut), with
// its time, oldest first. Pure.
import type { Message } from '../app/model.js';
import { para, type Row, type Tone } from '../frame/rows.js';

const TONE: Record<Message['tone'], Tone> = { info: 'plain', ok: 'ok', warn: 'warn', error: 'fail' };

export function messageRows(messages: readonly Message[], width: number): Row[] {
  if (messages.length === 0) return para('No messages yet.', width, { tone: 'dim' });
  return messages.flatMap((m) => {
    const time = new Date(m.at).toISOString().slice(11, 19);
    return para(m.text, width, { lead: `${time} `, leadTone: 'dim', tone: TONE[m.tone] });
  });
}
