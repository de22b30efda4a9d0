// What an error says, for a report line: its message, or the thrown value itself.
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
