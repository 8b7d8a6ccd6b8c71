import './app/theme.css';
import './app/layout.css';
import { type AppScreen, startApp } from './app/app.ts';
import { mountPhysicsScreen } from './screens/physics/screen.ts';

/** The screens, in tab order. Each pairs its model (made in src/app/models.ts) with its view. */
const SCREENS: readonly AppScreen[] = [
  {
    id: 'physics',
    label: (strings) => strings.screenPhysics,
    mount: (host, models, strings) => mountPhysicsScreen(host, models.physics, strings),
  },
  {
    id: 'language',
    label: (strings) => strings.screenLanguage,
    mount: async (host, models, strings) => {
      const { mountLanguageScreen } = await import('./screens/language/screen.ts');
      return mountLanguageScreen(host, await models.language(), strings);
    },
  },
  {
    id: 'parallel',
    label: (strings) => strings.screenParallel,
    mount: async (host, models, strings) => {
      const { mountParallelScreen } = await import('./screens/parallel/screen.ts');
      // The token side needs the language model, trained on the bundled text unless one exists already.
      (await models.language()).ensureModel();
      return mountParallelScreen(host, models.parallel, strings);
    },
  },
  {
    id: 'how',
    label: (strings) => strings.howItWorks,
    mount: async (host, _models, _strings, locale) => {
      const { mountHowItWorks } = await import('./screens/howItWorks/screen.ts');
      await mountHowItWorks(host, locale);
      return {};
    },
  },
];

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element.');
startApp(root, SCREENS);
