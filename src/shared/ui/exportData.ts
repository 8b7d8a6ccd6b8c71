/**
 * Exports: the occupancy as CSV (every level, full precision, the same numbers the table rounds for
 * display) and the canvas as PNG.
 */
import type { SystemModel } from '../model/system.ts';

function csvField(value: string): string {
  // Quote fields that hold separators or quotes; a leading =,+,-,@ could be read as a spreadsheet formula.
  const guarded = /^[=+\-@]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export interface CsvHeaders {
  level: string;
  energy: string;
  degeneracy: string;
  theory: string;
  count: string;
  fraction: string;
}

export function occupancyCsv(
  system: SystemModel,
  labels: readonly string[],
  probabilities: ArrayLike<number>,
  counts: ArrayLike<number>,
  total: number,
  headers: CsvHeaders,
): string {
  const lines = [
    [headers.level, headers.energy, headers.degeneracy, headers.theory, headers.count, headers.fraction]
      .map(csvField)
      .join(','),
  ];
  const { energies, degeneracies } = system.spectrum;
  for (let i = 0; i < energies.length; i++) {
    lines.push(
      [
        labels[i],
        String(energies[i]),
        String(degeneracies[i]),
        String(probabilities[i]),
        String(counts[i]),
        String(counts[i] / total),
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Offers a file to the person as a download. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
