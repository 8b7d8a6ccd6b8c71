/**
 * Text that may hold formulas between dollar signs ("at $T \to 0$ …"; the syntax is in mathSplit.ts). The
 * words appear at once; the formulas are typeset as MathML by the typesetter (mathTypesetter.ts, Temml),
 * which is fetched, in a chunk of its own, the first time a text with a formula is shown. Until then a
 * formula reads as its TeX source in a `.math-pending` span. A formula Temml cannot read stays as its
 * source in a `.math-error` span (its title says why): a bad formula never throws and never breaks the page.
 */
import './mathText.css';
import { type MathSegment, splitMathText } from './mathSplit.ts';

type Typesetter = typeof import('./mathTypesetter.ts');

let typesetter: Typesetter | null = null;
let loading: Promise<Typesetter> | null = null;

function loadTypesetter(): Promise<Typesetter> {
  loading ??= import('./mathTypesetter.ts').then(
    (module) => {
      typesetter = module;
      return module;
    },
    (error: unknown) => {
      loading = null; // the next text with a formula tries again (the network may be back)
      throw error;
    },
  );
  return loading;
}

/** What each host was last asked to show, so that an unchanged text is not typeset again. */
const shown = new WeakMap<HTMLElement, string>();

function typeset(library: Typesetter, segment: Extract<MathSegment, { kind: 'math' }>): Element {
  const host = document.createElement('span');
  host.className = 'math';
  try {
    library.renderMath(segment.tex, host, segment.display);
    return host;
  } catch (error) {
    const failed = document.createElement('span');
    failed.className = 'math-error';
    failed.title = error instanceof Error ? error.message : String(error);
    failed.textContent = segment.tex;
    return failed;
  }
}

function pending(segment: Extract<MathSegment, { kind: 'math' }>): Element {
  const span = document.createElement('span');
  span.className = 'math-pending';
  span.textContent = segment.tex;
  return span;
}

/**
 * The nodes of a text: words as text nodes, formulas typeset (or pending). A formula keeps the characters
 * that touch it ("$k$-th", "($T = 0$)", "$x$,") on its line, in a nowrap span, as a word would.
 */
function build(segments: readonly MathSegment[], library: Typesetter | null): Node[] {
  const words = segments.map((segment) => (segment.kind === 'text' ? segment.text : ''));
  const nodes: Node[] = [];
  segments.forEach((segment, i) => {
    if (segment.kind === 'text') {
      if (words[i] !== '') nodes.push(document.createTextNode(words[i]));
      return;
    }
    const formula = library ? typeset(library, segment) : pending(segment);
    if (segment.display) {
      nodes.push(formula);
      return;
    }
    const before = i > 0 ? (/\S+$/.exec(words[i - 1])?.[0] ?? '') : '';
    const after = i + 1 < words.length ? (/^\S+/.exec(words[i + 1])?.[0] ?? '') : '';
    if (before === '' && after === '') {
      nodes.push(formula);
      return;
    }
    // The glued characters leave the neighbouring words (already pushed, or still to come).
    if (before !== '') {
      const last = nodes.pop();
      const rest = words[i - 1].slice(0, -before.length);
      if (last && rest !== '') nodes.push(document.createTextNode(rest));
    }
    if (after !== '') words[i + 1] = words[i + 1].slice(after.length);
    const word = document.createElement('span');
    word.className = 'math-word';
    word.append(before, formula, after);
    nodes.push(word);
  });
  return nodes;
}

/** Resolves once formulas are typeset as soon as they are set (a print must not show TeX source). */
export async function loadMathTypesetter(): Promise<void> {
  await loadTypesetter();
}

export function setMathText(host: HTMLElement, text: string): void {
  if (shown.get(host) === text) return;
  shown.set(host, text);
  const segments = splitMathText(text);
  if (!segments.some((segment) => segment.kind === 'math')) {
    host.textContent = segments.map((segment) => (segment.kind === 'text' ? segment.text : '')).join('');
    return;
  }
  if (typesetter) {
    host.replaceChildren(...build(segments, typesetter));
    return;
  }
  host.replaceChildren(...build(segments, null));
  loadTypesetter().then(
    (library) => {
      // The host may have been given another text while the library loaded: that call typesets its own.
      if (shown.get(host) === text) host.replaceChildren(...build(segments, library));
    },
    (error: unknown) => {
      // Offline before the chunk was cached, say: the formulas stay readable as their TeX source.
      console.warn('The maths typesetter could not be loaded:', error);
    },
  );
}

/** An element whose text may hold formulas (setMathText), for the places that would write h(tag, {}, text). */
export function mathElement<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text: string,
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  setMathText(element, text);
  return element;
}
