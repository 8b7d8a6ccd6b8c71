/**
 * The printed handout of the current view: printing (Ctrl+P, the browser's menu) or the header's
 * button lays one black-on-white page of the visible screen over the app, for A4 and Letter alike.
 * It is built from the models at the moment of printing, so it shows what the screen shows.
 */
import './handout.css';
import { h } from '../../shared/ui/dom.ts';
import { onDispose } from '../../shared/ui/lifetime.ts';
import { loadMathTypesetter } from '../../shared/ui/mathText.ts';
import type { Strings } from '../../strings/en.ts';
import type { AppModels } from '../models.ts';
import { languageHandout } from './languageHandout.ts';
import { parallelHandout } from './parallelHandout.ts';
import { physicsHandout } from './physicsHandout.ts';
import { loadQrEncoder, qrCode } from './qrCode.ts';

export const HANDOUT_ID = 'handout';

export interface HandoutSource {
  models: AppModels;
  strings: Strings;
  locale: string;
  /** The visible screen's id (physics, language, parallel, how). */
  screenId(): string | null;
  /** The full address that reopens the current view. */
  url(): string;
}

function handoutContent(source: HandoutSource): HTMLElement[] | null {
  const { models, strings } = source;
  const url = source.url();
  switch (source.screenId()) {
    case 'physics':
      return physicsHandout(strings, models.physics, url);
    case 'language': {
      const language = models.languageLoaded.peek();
      return language ? languageHandout(strings, language, url) : null;
    }
    case 'parallel':
      return parallelHandout(strings, models.parallel, url);
    default:
      // How it works is a page of text: it prints as it is.
      return null;
  }
}

/** Lays the handout of the current view over the page for printing (replacing an older one). */
export function buildHandout(source: HandoutSource): HTMLElement | null {
  document.getElementById(HANDOUT_ID)?.remove();
  const content = handoutContent(source);
  if (!content) return null;
  const handout = h(
    'article',
    { id: HANDOUT_ID, class: 'handout', lang: source.locale, 'data-screen': source.screenId() ?? '' },
    ...content,
  );
  document.body.append(handout);
  return handout;
}

/**
 * Builds the handout whenever the page is printed, and turns Ctrl+P into the header button's action,
 * which first fetches the QR encoder so the code is on the page. Returns the header button.
 */
export function installHandout(source: HandoutSource): HTMLButtonElement {
  const print = async () => {
    // The QR code and the formulas are on the page when it is printed (offline, each degrades to text).
    await Promise.all([loadQrEncoder().catch(() => null), loadMathTypesetter().catch(() => null)]);
    buildHandout(source);
    window.print();
  };
  const onBeforePrint = () => {
    buildHandout(source);
    // A print from the browser's menu cannot wait for the encoder: the first such handout has the link
    // as text, and gets its code when the encoder arrives, for the next print.
    void loadQrEncoder()
      .then(addMissingCode)
      .catch(() => null);
  };
  const addMissingCode = () => {
    const link = document.querySelector(`#${HANDOUT_ID} .handout-link`);
    const url = document.getElementById('handout-url')?.textContent;
    if (!link || !url || link.querySelector('.handout-qr')) return;
    const code = qrCode(url, source.strings.handout.qrLabel);
    if (code) link.prepend(code);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'p') {
      event.preventDefault();
      void print();
    }
  };
  window.addEventListener('beforeprint', onBeforePrint);
  window.addEventListener('keydown', onKeyDown);
  onDispose(() => {
    window.removeEventListener('beforeprint', onBeforePrint);
    window.removeEventListener('keydown', onKeyDown);
    document.getElementById(HANDOUT_ID)?.remove();
  });
  const button = h(
    'button',
    { type: 'button', id: 'handout-print', title: source.strings.handout.buttonTitle },
    source.strings.handout.button,
  );
  button.addEventListener('click', () => void print());
  return button;
}
