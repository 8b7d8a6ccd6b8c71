import './ui/theme.css';
import './ui/layout.css';
import { createSimulatorState } from './state/simulatorState.ts';
import { h } from './ui/dom.ts';
import { mountSimulatorScreen } from './ui/simulatorScreen.ts';
import { en } from './ui/strings/en.ts';

async function start(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) throw new Error('index.html has no #app element.');
  const strings = en;
  const main = h('main', { class: 'simulator', id: 'simulator' });
  root.append(
    h(
      'header',
      { class: 'app-header' },
      h('h1', {}, strings.appTitle),
      h('p', { class: 'tagline' }, strings.tagline),
    ),
    main,
  );
  await mountSimulatorScreen(main, createSimulatorState(), strings);
}

void start();
