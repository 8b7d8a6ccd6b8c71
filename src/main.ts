import './app/theme.css';
import './app/layout.css';
import { effect, signal } from '@preact/signals-core';
import { createHeaderTools, toggleFullscreen } from './app/headerTools.ts';
import { createAddressWriter } from './app/link/addressWriter.ts';
import {
  applyLanguageLink,
  applyParallelLink,
  applyPhysicsLink,
  linkQuery,
  mentionsLanguage,
} from './app/link/linkSync.ts';
import { parseLink } from './app/link/urlSchema.ts';
import { createNavigation } from './app/navigation.ts';
import { applyPreferences, loadPreferences } from './app/preferences.ts';
import { createHelpDialog, installShortcuts } from './app/shortcuts.ts';
import type { LanguageState } from './screens/language/model.ts';
import { createParallelState } from './screens/parallel/model.ts';
import { createSimulatorState, type SimulatorState } from './screens/physics/model.ts';
import { mountPhysicsScreen } from './screens/physics/screen.ts';
import { h } from './shared/ui/dom.ts';
import { setNumberLocale } from './shared/ui/format.ts';
import { disposeAll } from './shared/ui/lifetime.ts';
import { createStoryActions } from './story/storyActions.ts';
import { createStoryPanel } from './story/storyPanel.ts';
import { STORY_PANEL_STRINGS } from './story/storySteps.ts';
import type { Strings } from './strings/en.ts';
import {
  initialLocale,
  LOCALES,
  type Locale,
  loadStrings,
  rememberLocale,
  stringsFor,
} from './strings/index.ts';

/**
 * The app's state lives here, outside any rendering, so that switching language (which renders the
 * interface again) loses nothing. Screens after the first are loaded when first visited.
 */
const physics = createSimulatorState();
const particleStates = new Map<string, SimulatorState>();
function particlesFor(screen: 'language' | 'parallel-physics' | 'parallel-tokens'): SimulatorState {
  let particles = particleStates.get(screen);
  if (!particles) {
    particles = createSimulatorState();
    particles.particleCount.value = screen === 'parallel-physics' ? 500 : 1000;
    particleStates.set(screen, particles);
  }
  return particles;
}
let languageStatePromise: Promise<LanguageState> | null = null;
/** A signal, so that the address picks up the language-model settings as soon as they exist. */
const languageStateLoaded = signal<LanguageState | null>(null);
function languageState(): Promise<LanguageState> {
  languageStatePromise ??= import('./screens/language/model.ts').then(({ createLanguageState }) => {
    // Created when first needed, after `locale` below is set: it opens on a text in the interface's language.
    const created = createLanguageState(locale.peek());
    languageStateLoaded.value = created;
    return created;
  });
  return languageStatePromise;
}
const parallel = createParallelState();
const preferences = loadPreferences();
applyPreferences(preferences);
const storyActions = createStoryActions({ physics, parallel, language: () => languageState(), particlesFor });

// A shared link's settings go into the states before anything renders.
const link = parseLink(location.search);
const refusedInLink = [...link.rejected, ...applyPhysicsLink(link.settings, physics)];
applyParallelLink(link.settings, parallel);
if (mentionsLanguage(link.settings)) {
  void languageState().then((language) => {
    const refused = applyLanguageLink(link.settings, language);
    if (refused.length > 0) showLinkNotice(refused);
  });
}
const locale = signal<Locale>(link.settings.lang ?? initialLocale());

/** The address always holds the current settings, so the browser's own "copy link" shares them too. */
function currentQuery(): string {
  return linkQuery(locale.value, physics, languageStateLoaded.value, parallel);
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
    const url = `${location.origin}${location.pathname}?${currentQuery()}${location.hash}`;
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
    [
      {
        id: 'physics',
        label: strings.screenPhysics,
        mount: (host) => {
          host.classList.add('controls-layout');
          return mountPhysicsScreen(host, physics, strings);
        },
      },
      {
        id: 'language',
        label: strings.screenLanguage,
        mount: async (host) => {
          const { mountLanguageScreen } = await import('./screens/language/screen.ts');
          host.classList.add('controls-layout');
          return mountLanguageScreen(host, await languageState(), particlesFor('language'), strings);
        },
      },
      {
        id: 'parallel',
        label: strings.screenParallel,
        mount: async (host) => {
          const { mountParallelScreen } = await import('./screens/parallel/screen.ts');
          return mountParallelScreen(
            host,
            await languageState(),
            particlesFor('parallel-physics'),
            particlesFor('parallel-tokens'),
            parallel,
            strings,
          );
        },
      },
      {
        id: 'how',
        label: strings.howItWorks,
        mount: async (host) => {
          const { mountHowItWorks } = await import('./screens/howItWorks/screen.ts');
          mountHowItWorks(host, active);
          return { setActive: () => {} };
        },
      },
    ],
    screens,
    strings.screensLabel,
  );

  const languageSelect = h('select', { id: 'language-select', 'aria-label': strings.languageLabel });
  for (const option of LOCALES) {
    languageSelect.append(
      h('option', { value: option, lang: option }, option === 'ru' ? 'Русский' : 'English'),
    );
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
  const story = createStoryPanel({
    actions: storyActions,
    language: () => active,
    strings: STORY_PANEL_STRINGS[active],
  });
  installShortcuts(
    () => navigation.active()?.shortcuts ?? null,
    {
      toggleProjector: () => document.getElementById('projector-toggle')?.click(),
      toggleFullscreen,
      startStory: () => story.open(),
    },
    help,
  );

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
        copyLink: createCopyLinkButton(strings),
        languageSelect,
        openStory: () => story.open(),
        openHelp: () => help.showModal(),
        rerender: () => render(root, locale.peek()),
      }),
    ),
    noticeArea,
    screens,
    story.root,
    help,
  );
}

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element.');
void loadStrings(locale.value).then(() => {
  render(root, locale.value);
  if (refusedInLink.length > 0) showLinkNotice(refusedInLink);
});
