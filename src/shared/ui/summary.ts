/** Short labels for the histogram axis: the quantum number without its name ("n = 3" → "3"). */
export function axisLabel(label: string): string {
  const match = /^[A-Za-zν_ ]+\s*=\s*(.+)$/.exec(label);
  return match ? match[1] : label;
}
