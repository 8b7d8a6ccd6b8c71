/**
 * Timing helpers shared by the bench/*.bench.ts files, and the Reporter they print through.
 *
 * Measurements are best-of-several after warm-up: the minimum is the run least disturbed by GC, JIT
 * tiering and the OS, which is what a comparison between algorithms wants. Every timed function returns a
 * number that is folded into a global sink, so the optimiser cannot prove the work unused and drop it.
 */

export interface Reporter {
  /** Starts a titled section. */
  heading(title: string): void;
  /** A table; numbers are printed as given, so format them first (see formatNumber). */
  table(columns: readonly string[], rows: readonly (readonly (string | number)[])[]): void;
  /** A free line of text: a target, a caveat, a conclusion. */
  note(text: string): void;
}

export interface TimingOptions {
  /** Untimed calls first, so the timed ones run optimised code. */
  warmup?: number;
  /** Timed calls; the fastest is reported. */
  repeats?: number;
}

export interface Timing {
  /** Fastest single call, in nanoseconds. */
  bestNs: number;
  /** Median call, in nanoseconds: a check that the best was not a fluke. */
  medianNs: number;
}

let sink = 0;

/** The folded results of every timed call; print or check it so that it is observably used. */
export function sinkValue(): number {
  return sink;
}

/** Times `work`, which must return something derived from all of its work (a checksum). */
export function time(work: () => number, options: TimingOptions = {}): Timing {
  const warmup = options.warmup ?? 3;
  const repeats = options.repeats ?? 7;
  for (let i = 0; i < warmup; i++) sink = (sink + work()) % 1e9;
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = process.hrtime.bigint();
    const result = work();
    const elapsed = Number(process.hrtime.bigint() - start);
    sink = (sink + result) % 1e9;
    samples.push(elapsed);
  }
  samples.sort((x, y) => x - y);
  return { bestNs: samples[0], medianNs: samples[samples.length >> 1] };
}

/** A compact fixed-significance rendering: 3 significant digits, no exponent below 1e7. */
export function formatNumber(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && (Math.abs(value) >= 1e7 || Math.abs(value) < 1e-3))
    return value.toExponential(digits - 1);
  return Number(value.toPrecision(digits)).toString();
}

/** Prints to stdout as aligned plain-text tables, readable in a terminal and in a CI log. */
export function createConsoleReporter(write: (line: string) => void = console.log): Reporter {
  return {
    heading(title) {
      write('');
      write(title);
      write('-'.repeat(title.length));
    },
    table(columns, rows) {
      const cells = [columns.map(String), ...rows.map((row) => row.map(String))];
      const widths = columns.map((_, c) => Math.max(...cells.map((row) => (row[c] ?? '').length)));
      const line = (row: string[]) =>
        row
          .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
          .join('  ')
          .trimEnd();
      write(line(cells[0]));
      write(widths.map((w) => '-'.repeat(w)).join('  '));
      for (const row of cells.slice(1)) write(line(row));
    },
    note(text) {
      write(text);
    },
  };
}
