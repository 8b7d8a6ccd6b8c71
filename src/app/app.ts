/**
 * The app's shell around the screens: header, tabs, notices, the address that always holds the current
 * settings, shortcuts, the lessons (the tour is one), and the one app loop. Switching language renders it all again from the
 * same models (src/shared/ui/lifetime.ts disposes the previous rendering).
 */
import { effect, signal } from '@preact/signals-core';
import { InputError, isInputError } from '../core/errors.ts';
import { loadBundledLesson } from '../lessons/bundledLessons.ts';
import { createLessonLibrary } from '../lessons/lessonLibrary.ts';
import { decodeLessonParameter, LESSON_PARAMETER } from '../lessons/lessonLink.ts';
import { lessonOfferNotice, lessonRefusedNotice } from '../lessons/lessonOffer.ts';
import { createLessonsPanel } from '../lessons/lessonPanel.ts';
import { createLessonPlayer } from '../lessons/lessonPlayer.ts';
import { h } from '../shared/ui/dom.ts';
import { setNumberLocale } from '../shared/ui/format.ts';
import { disposeAll } from '../shared/ui/lifetime.ts';
import type { Strings } from '../strings/en.ts';
import {
  initialLocale,
  LANGUAGE_NAMES,
  LOCALES,
  type Locale,
  loadStrings,
  rememberLocale,
  stringsFor,
} from '../strings/index.ts';
import { startAppLoop } from './appLoop.ts';
import { installHandout } from './handout/handout.ts';
import { createHeaderTools, toggleFullscreen } from './headerTools.ts';
import { createAddressWriter } from './link/addressWriter.ts';
import { applyLink, linkQuery } from './link/linkSync.ts';
import { parseLink } from './link/urlSchema.ts';
import { type AppModels, createAppModels } from './models.ts';
import { createNavigation } from './navigation.ts';
import { applyPreferences, loadPreferences } from './preferences.ts';
import type { ScreenHandle } from './screen.ts';
import { createHelpDialog, installShortcuts } from './shortcuts.ts';
import { installStageKeys } from './stage/stageKeys.ts';
import { createStageMode } from './stage/stageMode.ts';
import { createStageButton, createStageView } from './stage/stageView.ts';

/** A screen as main.ts lists it: its tab, and how to build it (screens after the first load lazily). */
export interface AppScreen {
  id: string;
  label(strings: Strings): string;
  mount(host: HTMLElement, models: AppModels, strings: Strings, locale: Locale): Promise<ScreenHandle>;
}

export function startApp(root: HTMLElement, appScreens: readonly AppScreen[]): void {
  // A shared link's settings go into the models before anything renders. A lesson in the link is read
  // on its own (it is larger than any setting, and is offered rather than applied).
  const query = new URLSearchParams(location.search);
  const sharedLesson = query.get(LESSON_PARAMETER);
  query.delete(LESSON_PARAMETER);
  const link = parseLink(query.toString());
  const locale = signal<Locale>(link.settings.lang ?? initialLocale());
  const models = createAppModels(() => locale.peek());
  const { physics, parallel } = models;
  const preferences = loadPreferences();
  applyPreferences(preferences);
  // Stage mode outlives a rendering: a language or theme switch keeps the stage up.
  const stage = createStageMode();
  const lessons = createLessonLibrary(browserStorage());
  const lessonsOpen = signal(false);
  const player = createLessonPlayer({ stage, models, strings: () => stringsFor(locale.peek()).lessons });
  // A lesson plays on the stage, with the panel out of the way; it comes back when the lesson ends.
  let panelBeforeLesson = false;
  effect(() => {
    if (player.playing.value) {
      panelBeforeLesson ||= lessonsOpen.peek();
      lessonsOpen.value = false;
    } else if (panelBeforeLesson) {
      panelBeforeLesson = false;
      lessonsOpen.value = true;
    }
  });
  function playTour(): void {
    void loadBundledLesson(locale.peek(), 'tour').then((tour) => player.play(tour));
  }

  const applied = applyLink(link.settings, models);
  const refusedInLink = [...link.rejected, ...applied.refused];
  void applied.languageRefused.then((refused) => {
    if (refused.length > 0) showLinkNotice(refused);
  });

  /** The address always holds the current settings, so the browser's own "copy link" shares them too. */
  function currentQuery(): string {
    return linkQuery(locale.value, physics, models.languageLoaded.value, parallel);
  }
  /** The full address of the current view: what "Copy link" copies and the handout prints. */
  function currentUrl(): string {
    return `${location.origin}${location.pathname}?${currentQuery()}${location.hash}`;
  }
  const writeAddress = createAddressWriter((query) =>
    history.replaceState(null, '', `?${query}${location.hash}`),
  );
  effect(() => writeAddress(currentQuery()));

  const noticeArea = h('div', { class: 'notices', id: 'notices' });
  function showLinkNotice(names: string[]): void {
    const strings = stringsFor(locale.peek());
    const dismiss = h('button', { type: 'button' }, strings.dismiss);
    const notice = h(
      'p',
      { class: 'notice', role: 'status' },
      strings.linkRejected(names.join(', ')),
      ' ',
      dismiss,
    );
    dismiss.addEventListener('click', () => notice.remove());
    noticeArea.append(notice);
  }

  function createCopyLinkButton(strings: Strings): HTMLElement {
    const button = h('button', { type: 'button', id: 'copy-link' }, strings.copyLink);
    const status = h('span', { class: 'visually-hidden', role: 'status', id: 'copy-link-status' });
    button.addEventListener('click', async () => {
      const url = currentUrl();
      history.replaceState(null, '', url);
      try {
        await navigator.clipboard.writeText(url);
        status.textContent = strings.linkCopied;
        button.textContent = '✓';
        window.setTimeout(() => {
          button.textContent = strings.copyLink;
        }, 1500);
      } catch {
        window.prompt(strings.linkCopyFailed, url);
      }
    });
    return h('span', {}, button, status);
  }

  function render(root: HTMLElement, active: Locale): void {
    disposeAll();
    const strings = stringsFor(active);
    document.documentElement.lang = active;
    document.title = strings.appTitle;
    setNumberLocale(active);

    const screens = h('div', { class: 'screens' });
    const navigation = createNavigation(
      appScreens.map((screen) => ({
        id: screen.id,
        label: screen.label(strings),
        mount: (host: HTMLElement) => screen.mount(host, models, strings, active),
      })),
      screens,
      strings.screensLabel,
    );

    const languageSelect = h('select', { id: 'language-select', 'aria-label': strings.languageLabel });
    for (const option of LOCALES) {
      languageSelect.append(h('option', { value: option, lang: option }, LANGUAGE_NAMES[option]));
    }
    languageSelect.value = active;
    languageSelect.addEventListener('change', async () => {
      const next = languageSelect.value as Locale;
      await loadStrings(next);
      rememberLocale(next);
      locale.value = next;
      render(root, next);
      document.getElementById('language-select')?.focus();
    });

    const help = createHelpDialog(strings);
    const lessonsPanel = createLessonsPanel({
      library: lessons,
      player,
      models,
      strings,
      locale: active,
      open: lessonsOpen,
    });
    const handoutButton = installHandout({
      models,
      strings,
      locale: active,
      screenId: () => navigation.activeId(),
      url: currentUrl,
    });
    player.refresh();
    startAppLoop(() => navigation.active());
    installShortcuts(
      () => navigation.active()?.shortcuts ?? null,
      {
        toggleProjector: () => document.getElementById('projector-toggle')?.click(),
        toggleFullscreen,
        startStory: playTour,
        toggleStage: stage.toggle,
      },
      help,
    );
    installStageKeys(stage, () => navigation.active()?.stage?.temperature ?? null, help);

    root.replaceChildren(
      h(
        'header',
        { class: 'app-header' },
        h(
          'div',
          { class: 'brand' },
          h('h1', {}, strings.appTitle),
          h('p', { class: 'tagline' }, strings.tagline),
        ),
        navigation.element,
        createHeaderTools(strings, preferences, {
          stageButton: createStageButton(stage, strings),
          copyLink: createCopyLinkButton(strings),
          handoutButton,
          languageSelect,
          openStory: playTour,
          openLessons: () => {
            lessonsOpen.value = true;
            document.getElementById('lesson-select')?.focus();
          },
          openHelp: () => help.showModal(),
          rerender: () => render(root, locale.peek()),
        }),
      ),
      noticeArea,
      screens,
      lessonsPanel,
      createStageView(stage, navigation.visible, strings),
      help,
    );
  }

  void loadStrings(locale.value).then(() => {
    render(root, locale.value);
    if (refusedInLink.length > 0) showLinkNotice(refusedInLink);
    if (sharedLesson !== null) void offerSharedLesson(sharedLesson);
  });

  async function offerSharedLesson(parameter: string): Promise<void> {
    try {
      const lesson = await decodeLessonParameter(parameter);
      const strings = stringsFor(locale.peek());
      noticeArea.append(
        lessonOfferNotice(strings, lesson, {
          play: () => player.play(lesson),
          save: () => lessons.add(lesson),
        }),
      );
    } catch (error) {
      // A browser without CompressionStream cannot read the link either.
      const reason = isInputError(error) ? error : new InputError('lesson.linkUnreadable', {});
      noticeArea.append(lessonRefusedNotice(stringsFor(locale.peek()), reason));
    }
  }
}

/** The browser's storage, or none where it is switched off (private modes, sandboxed frames). */
function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
