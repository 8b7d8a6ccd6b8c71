/**
 * The app's models, made once and kept outside any rendering, so that switching language or theme
 * (which renders the interface again) loses nothing. The language screen's model (with its trainer and
 * corpora) is loaded when first needed; the side-by-side screen's token side follows it from then on.
 */
import { type ReadonlySignal, signal } from '@preact/signals-core';
import type { LanguageScreenModel } from '../screens/language/model.ts';
import { createParallelScreenModel } from '../screens/parallel/model.ts';
import { createPhysicsModel } from '../screens/physics/model.ts';
import type { Locale } from '../strings/index.ts';

export function createAppModels(locale: () => Locale) {
  const physics = createPhysicsModel();
  const parallel = createParallelScreenModel();
  const languageLoaded = signal<LanguageScreenModel | null>(null);
  let languagePromise: Promise<LanguageScreenModel> | null = null;
  function language(): Promise<LanguageScreenModel> {
    languagePromise ??= import('../screens/language/model.ts').then(({ createLanguageScreenModel }) => {
      // Made when first needed, in the interface's language of that moment: it opens on a text in it.
      const created = createLanguageScreenModel(locale());
      parallel.followLanguage(created.distribution);
      languageLoaded.value = created;
      return created;
    });
    return languagePromise;
  }
  return {
    physics,
    parallel,
    language,
    /** The language screen's model once it exists (a signal, so the address picks up its settings then). */
    languageLoaded: languageLoaded as ReadonlySignal<LanguageScreenModel | null>,
  };
}

export type AppModels = ReturnType<typeof createAppModels>;
