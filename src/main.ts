import './ui/theme.css';
import './ui/layout.css';
import type { LanguageState } from './state/languageState.ts';
import { createSimulatorState } from './state/simulatorState.ts';
import { h } from './ui/dom.ts';
import { createNavigation } from './ui/navigation.ts';
import { mountSimulatorScreen } from './ui/simulatorScreen.ts';
import { en } from './ui/strings/en.ts';

function start(): void {
  const root = document.getElementById('app');
  if (!root) throw new Error('index.html has no #app element.');
  const strings = en;
  const screens = h('div', { class: 'screens' });
  // The language model is shared by the language and side-by-side screens, and loaded with the first of them.
  let languageStatePromise: Promise<LanguageState> | null = null;
  const languageState = () => {
    languageStatePromise ??= import('./state/languageState.ts').then(({ createLanguageState }) =>
      createLanguageState(),
    );
    return languageStatePromise;
  };
  const particlesFor = (screen: 'language' | 'physics' | 'tokens') => {
    const particles = createSimulatorState();
    particles.particleCount.value = screen === 'physics' ? 500 : 1000;
    return particles;
  };
  const navigation = createNavigation(
    [
      {
        id: 'physics',
        label: strings.screenPhysics,
        mount: (host) => {
          host.classList.add('simulator');
          return mountSimulatorScreen(host, createSimulatorState(), strings);
        },
      },
      {
        id: 'language',
        label: strings.screenLanguage,
        mount: async (host) => {
          const { mountLanguageScreen } = await import('./ui/languageScreen.ts');
          host.classList.add('simulator');
          return mountLanguageScreen(host, await languageState(), particlesFor('language'), strings);
        },
      },
      {
        id: 'parallel',
        label: strings.screenParallel,
        mount: async (host) => {
          const { mountParallelScreen } = await import('./ui/parallelScreen.ts');
          return mountParallelScreen(
            host,
            await languageState(),
            particlesFor('physics'),
            particlesFor('tokens'),
            strings,
          );
        },
      },
    ],
    screens,
  );
  root.append(
    h(
      'header',
      { class: 'app-header' },
      h('h1', {}, strings.appTitle),
      h('p', { class: 'tagline' }, strings.tagline),
      navigation,
    ),
    screens,
  );
}

start();
