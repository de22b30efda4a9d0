// Keys kept as data: the hint bar and the `?` overlay are both drawn from these tables.

export interface KeyBinding<Command extends string = string> {
  /** What the user reads, e.g. "↑/k". */
  keys: string;
  command: Command;
  label: string;
  /** Shown in the one-line hint bar (the rest appear only in the `?` overlay). */
  hint?: boolean;
  /** Listed in the `?` overlay; false when a neighbour's keys already name it ('↓' under '↑/↓'). */
  help?: boolean;
}

export type KeyMap<Command extends string = string> = readonly KeyBinding<Command>[];
