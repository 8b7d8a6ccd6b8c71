/**
 * The maths typesetter, loaded on demand by mathText.ts in a chunk of its own: Temml, which turns TeX into
 * MathML, and its stylesheet (the prime's font, italic corrections, line breaking of long formulas).
 */
import temml from 'temml';
import 'temml/dist/Temml-Local.css';

/**
 * Typesets one formula into `host` as a <math> element. Throws Temml's ParseError for TeX it cannot read.
 * temml.render builds DOM nodes and sets its few styles through element.style, which the
 * Content-Security-Policy allows (renderToString's style attributes would be refused by style-src 'self').
 */
export function renderMath(tex: string, host: HTMLElement, display: boolean): void {
  temml.render(tex, host, { displayMode: display, throwOnError: true });
}
