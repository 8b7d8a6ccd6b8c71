/**
 * Renders the "How it works" page into a host: a title, a table of contents with in-page links, and one
 * section per entry of content.ts, in the words of the language's strings file. All text goes in as text
 * nodes, and the formulas as MathML built from their TeX (setMathText).
 *
 * The app keeps its screen in the URL hash, so the contents links must not change the hash (that would
 * switch screens): a click scrolls to the section and moves focus to its heading instead. The links keep
 * real #ids in their href, so they still read and behave as links.
 */
import './howItWorks.css';
import { h } from '../../shared/ui/dom.ts';
import { setMathText } from '../../shared/ui/mathText.ts';
import {
  HOW_IT_WORKS_SECTIONS,
  type HowItWorksLanguage,
  type HowItWorksSection,
  type HowItWorksText,
  loadHowItWorksText,
} from './content.ts';

const ID_PREFIX = 'how-';

/** The id of a section's element (and the fragment its contents link points at). */
export function howItWorksSectionId(section: Pick<HowItWorksSection, 'id'>): string {
  return `${ID_PREFIX}${section.id}`;
}

function mathElement<K extends 'p' | 'h3' | 'a'>(tag: K, text: string): HTMLElementTagNameMap[K] {
  const element = h(tag);
  setMathText(element, text);
  return element;
}

function renderSection(section: HowItWorksSection, text: HowItWorksText): HTMLElement {
  const id = howItWorksSectionId(section);
  const words = text.sections[section.id];
  const paragraphs = words.paragraphs.map((paragraph) => mathElement('p', paragraph));
  const formulas = section.formulas?.length
    ? h(
        'ul',
        { class: 'how-formulas' },
        ...section.formulas.map((formula) => {
          const item = h('li', { dir: 'ltr' });
          setMathText(item, `$$${formula}$$`);
          return item;
        }),
      )
    : null;
  const at = Math.max(0, Math.min(paragraphs.length, section.formulasAfter ?? 1));
  return h(
    'section',
    { class: 'how-section', id, 'aria-labelledby': `${id}-heading` },
    h('h3', { id: `${id}-heading`, tabindex: -1 }, words.heading),
    ...paragraphs.slice(0, at),
    formulas,
    ...paragraphs.slice(at),
  );
}

/**
 * Builds the page in one language once its words have loaded, replacing whatever the host held (so calling
 * it again switches language).
 */
export async function mountHowItWorks(host: HTMLElement, language: HowItWorksLanguage): Promise<void> {
  const text = await loadHowItWorksText(language);
  const titleId = `${ID_PREFIX}title`;
  const contentsId = `${ID_PREFIX}contents-heading`;
  const sections = HOW_IT_WORKS_SECTIONS.map((section) => renderSection(section, text));

  const contents = h(
    'nav',
    { class: 'how-contents', 'aria-labelledby': contentsId },
    h('h3', { id: contentsId }, text.contentsLabel),
    h(
      'ol',
      {},
      ...HOW_IT_WORKS_SECTIONS.map((section) =>
        h('li', {}, h('a', { href: `#${howItWorksSectionId(section)}` }, text.sections[section.id].heading)),
      ),
    ),
  );
  const article = h(
    'article',
    { class: 'how-it-works', lang: language, 'aria-labelledby': titleId },
    h('h2', { id: titleId }, text.title),
    h('p', { class: 'how-intro' }, text.intro),
    contents,
    ...sections,
  );
  contents.addEventListener('click', (event) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    const fragment = link?.getAttribute('href');
    if (!fragment?.startsWith('#')) return;
    const target = article.querySelector<HTMLElement>(`[id="${fragment.slice(1)}"]`);
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: 'start' });
    target.querySelector<HTMLElement>('h3')?.focus({ preventScroll: true });
  });

  host.replaceChildren(article);
}
