/** The pieces every handout is made of: its title, a picture with its legend, readouts, formulas, the link. */
import type { DisplayUnit } from '../../core/spectra/index.ts';
import type { ParticleSnapshot } from '../../shared/model/particleModel.ts';
import { h } from '../../shared/ui/dom.ts';
import { formatCount } from '../../shared/ui/format.ts';
import { mathElement, setMathText } from '../../shared/ui/mathText.ts';
import { createOccupancyTable, type TableHeaders } from '../../shared/ui/occupancyTable.ts';
import type { Strings } from '../../strings/en.ts';
import { qrCode } from './qrCode.ts';
import { type PictureText, type PictureWidth, snapshotPicture } from './snapshotPicture.ts';

export interface Readout {
  /** May hold formulas between dollar signs. */
  label: string;
  value: string;
  /** The value holds formulas (Z written as e^{…}); a token's text never does. */
  formula?: boolean;
}

export function handoutTitle(strings: Strings, screen: string, lines: readonly string[]): HTMLElement {
  return h(
    'header',
    { class: 'handout-title' },
    h('p', { class: 'handout-brand' }, strings.appTitle),
    h('h1', {}, screen),
    ...lines.map((line) => mathElement('p', line, { class: 'handout-subtitle' })),
  );
}

export function handoutPicture(
  strings: Strings,
  snapshot: ParticleSnapshot,
  caption: string,
  text: Omit<PictureText, 'description'>,
  width: PictureWidth = 'full',
): HTMLElement {
  const picture = snapshotPicture(snapshot, { ...text, description: caption }, width);
  return h(
    'figure',
    { class: 'handout-picture' },
    h('figcaption', {}, caption),
    picture.svg,
    h(
      'p',
      { class: 'handout-legend' },
      `${strings.handout.dotNote(formatCount(picture.particlesPerDot))} ${strings.handout.legend}`,
    ),
  );
}

/** The occupancy table as on the screen (same cells, same formats), with at most `maxRows` rows. */
export function handoutTable(
  strings: Strings,
  snapshot: ParticleSnapshot,
  options: { id: string; unit: DisplayUnit; headers?: Partial<TableHeaders>; maxRows: number },
): HTMLElement {
  const table = createOccupancyTable(strings, options.id, options.headers, options.maxRows);
  table.setSystem(snapshot.system, options.unit);
  table.update(snapshot.theory, snapshot.counts, snapshot.particleCount);
  return h('section', { class: 'handout-table' }, table.root);
}

export function readoutList(readouts: readonly Readout[], heading?: string): HTMLElement {
  return h(
    'section',
    { class: 'handout-readouts' },
    heading ? h('h2', {}, heading) : null,
    h(
      'dl',
      {},
      ...readouts.map(({ label, value, formula }) =>
        h(
          'div',
          { class: 'readout' },
          mathElement('dt', label),
          formula ? mathElement('dd', value) : h('dd', {}, value),
        ),
      ),
    ),
  );
}

/** Formulas as TeX between dollar signs, typeset where the maths library runs; `plain` lines are a person's own text. */
export function formulaList(
  strings: Strings,
  formulas: readonly (string | { plain: string })[],
): HTMLElement {
  const items = formulas.map((formula) => {
    const item = h('li');
    if (typeof formula === 'string') setMathText(item, formula);
    else item.textContent = formula.plain;
    return item;
  });
  return h(
    'section',
    { class: 'handout-formulas' },
    h('h2', {}, strings.handout.formulasHeading),
    h('ul', {}, ...items),
  );
}

/** The address that reopens the view, as text and (once the encoder has loaded) as a QR code. */
export function linkSection(strings: Strings, url: string): HTMLElement {
  return h(
    'section',
    { class: 'handout-link' },
    qrCode(url, strings.handout.qrLabel),
    h(
      'div',
      {},
      h('h2', {}, strings.handout.linkHeading),
      h('p', { class: 'handout-url', id: 'handout-url' }, url),
      h('p', { class: 'handout-note' }, strings.handout.linkNote),
    ),
  );
}
