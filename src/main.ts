import './ui/theme.css';
import './ui/layout.css';
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
          const [{ mountLanguageScreen }, { createLanguageState }] = await Promise.all([
            import('./ui/languageScreen.ts'),
            import('./state/languageState.ts'),
          ]);
          host.classList.add('simulator');
          const particles = createSimulatorState();
          particles.particleCount.value = 1000;
          return mountLanguageScreen(host, createLanguageState(), particles, strings);
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
