/**
 * The guided story as data: short steps that each set the app to what they talk about. A step's
 * `apply` only calls StoryActions, which the app implements against its real state, so the steps stay
 * pure and can be checked in Node with a recording fake.
 *
 * Every step is self-contained: it chooses its screen, its system and its temperature (and, on the
 * language screen, resets the truncation stages), so Back lands on the same picture as Next did and a
 * step looks right whatever the user changed in between.
 */

export type StoryLanguage = 'en' | 'ru';
export type StoryScreen = 'physics' | 'language' | 'parallel';

/** One text in both languages. */
export interface LocalizedText {
  en: string;
  ru: string;
}

/** What a step may do to the app. Implemented by the app; every call is synchronous from the story's side. */
export interface StoryActions {
  /** Shows a screen (the same as choosing its tab). */
  goTo(screen: StoryScreen): void;
  /**
   * Chooses a preset system (an id of src/core/spectra/presets.ts, such as 'three-level') for the physics
   * side of the screen last chosen with goTo: the physics screen, or the left half of the side-by-side
   * screen. Missing params take the preset's defaults.
   */
  setPhysicsSystem(presetId: string, params?: Record<string, number>): void;
  /** Temperature of the physics screen, in the system's internal units (k_B = 1); ±Infinity allowed. */
  setPhysicsTemperature(t: number): void;
  /** Sampling temperature t of the language-model screen; 0 is greedy, ±Infinity uniform, negative inverts. */
  setLanguageTemperature(t: number): void;
  /** The one temperature T = t of the side-by-side screen. */
  setLinkedTemperature(t: number): void;
  /** Truncation stages of the language-model sampler: topK 0 = off, topP 1 = off, minP 0 = off. */
  setSampler(change: { topK?: number; topP?: number; minP?: number }): void;
  /** Plays or pauses the particles of the current screen. */
  setPlaying(playing: boolean): void;
  /**
   * Draws attention to an element of the current screen (scrolls it into view, highlights it). It should
   * not take keyboard focus: the story panel moves focus to its own heading right after `apply`.
   */
  focus(selector: string): void;
}

/** The names of every StoryActions method, for fakes and checks. */
export const STORY_ACTION_NAMES = [
  'goTo',
  'setPhysicsSystem',
  'setPhysicsTemperature',
  'setLanguageTemperature',
  'setLinkedTemperature',
  'setSampler',
  'setPlaying',
  'focus',
] as const satisfies readonly (keyof StoryActions)[];

// Compile-time check that the list above names every method of StoryActions.
type MissingActionName = Exclude<keyof StoryActions, (typeof STORY_ACTION_NAMES)[number]>;
const everyActionNamed: [MissingActionName] extends [never] ? true : false = true;
void everyActionNamed;

export interface StoryStep {
  /** Stable identifier (for links and tests). */
  id: string;
  title: LocalizedText;
  /** Two to four short sentences of plain text (formulas as text, such as p = g·e^(−E/T)/Z). */
  body: LocalizedText;
  /** Sets the app to what the step describes. */
  apply(actions: StoryActions): void;
}

/** The labels of the story panel in both languages, for an app that has no strings of its own for it. */
export interface StoryPanelStrings {
  /** Name of the panel, e.g. "Guided tour". */
  heading: string;
  next: string;
  back: string;
  close: string;
  /** "Step 3 of 8". */
  stepOf(n: number, total: number): string;
}

export const STORY_PANEL_STRINGS: Readonly<Record<StoryLanguage, StoryPanelStrings>> = {
  en: {
    heading: 'Guided tour',
    next: 'Next',
    back: 'Back',
    close: 'Close',
    stepOf: (n, total) => `Step ${n} of ${total}`,
  },
  ru: {
    heading: 'Экскурсия',
    next: 'Далее',
    back: 'Назад',
    close: 'Закрыть',
    stepOf: (n, total) => `Шаг ${n} из ${total}`,
  },
};

/** The three-level system of the side-by-side screen (the preset's defaults, spelled out). */
const THREE_LEVEL = { e2: 1, e3: 1.8 };
/** Every truncation stage off, so the language screen shows temperature alone. */
const NO_TRUNCATION = { topK: 0, topP: 1, minP: 0 };

export const STORY_STEPS: readonly StoryStep[] = [
  {
    id: 'temperature-one',
    title: {
      en: 'Temperature 1 changes nothing',
      ru: 'Температура 1 ничего не меняет',
    },
    body: {
      en:
        'A language model gives every possible next token a probability p. ' +
        "Sampling at temperature t draws the token from p' = p^(1/t)/Z instead. " +
        'At t = 1 the power is 1 and Z = 1, so the tokens are drawn from exactly the model’s own distribution.',
      ru:
        'Языковая модель приписывает каждому возможному следующему токену вероятность p. ' +
        "При сэмплировании с температурой t токен выбирается из распределения p' = p^(1/t)/Z. " +
        'При t = 1 показатель степени равен единице и Z = 1, так что токены выбираются ровно из распределения самой модели.',
    },
    apply(actions) {
      actions.goTo('language');
      actions.setSampler(NO_TRUNCATION);
      actions.setLanguageTemperature(1);
      actions.focus('#lm-temperature-input');
    },
  },
  {
    id: 'infinite-temperature',
    title: {
      en: 'A very high temperature makes everything equally likely',
      ru: 'Очень высокая температура уравнивает все вероятности',
    },
    body: {
      en:
        'At T = ∞ the Boltzmann factor e^(−E/T) is 1 for every level, so energy stops mattering: ' +
        'each of the three levels holds a third of the particles. ' +
        'On the token side t = ∞ makes every token equally likely, and the text turns into noise. ' +
        'A large finite temperature, such as 20, already looks almost the same.',
      ru:
        'При T = ∞ больцмановский множитель e^(−E/T) равен 1 для любого уровня, и энергия перестаёт играть роль: ' +
        'на каждом из трёх уровней оказывается треть частиц. ' +
        'Для токенов t = ∞ делает все токены равновероятными, и текст превращается в шум. ' +
        'Большая конечная температура, например 20, выглядит почти так же.',
    },
    apply(actions) {
      actions.goTo('parallel');
      actions.setPhysicsSystem('three-level', THREE_LEVEL);
      actions.setLinkedTemperature(Number.POSITIVE_INFINITY);
      actions.focus('#linked-temperature');
    },
  },
  {
    id: 'zero-temperature',
    title: {
      en: 'A temperature near zero picks the most likely',
      ru: 'Температура около нуля выбирает самое вероятное',
    },
    body: {
      en:
        'As T falls towards 0, the factor e^(−E/T) dies fastest on the highest levels, ' +
        'and at T = 0.02 every particle sits in the ground state. ' +
        'For tokens this is greedy decoding: nearly every draw is the most likely token, and at t = 0 every one is. ' +
        'Cold means certain, and repetitive.',
      ru:
        'Когда T стремится к нулю, множитель e^(−E/T) быстрее всего гаснет на верхних уровнях, ' +
        'и при T = 0,02 все частицы оказываются в основном состоянии. ' +
        'Для токенов это жадное декодирование: почти всегда выбирается самый вероятный токен, а при t = 0 — всегда. ' +
        'Холод означает определённость и однообразие.',
    },
    apply(actions) {
      actions.goTo('parallel');
      actions.setPhysicsSystem('three-level', THREE_LEVEL);
      actions.setLinkedTemperature(0.02);
      actions.focus('#linked-temperature');
    },
  },
  {
    id: 'boltzmann-origin',
    title: {
      en: 'Where the formula comes from',
      ru: 'Откуда берётся формула',
    },
    body: {
      en:
        'A small system shares a fixed total energy with a large reservoir, and every way of sharing it is equally likely. ' +
        'When the reservoir gives energy E to the system, its number of microstates Ω shrinks by the factor e^(−E/T) ' +
        '(that is what temperature means: 1/T = d ln Ω/dE), so p = g·e^(−E/T)/Z. ' +
        'In the Einstein solid, N oscillators pass q quanta around at random with no temperature imposed, ' +
        'yet the quanta of any one oscillator follow this law with 1/T = ln(1 + N/q). ' +
        'Each particle on screen is such an oscillator, here at T = 1.',
      ru:
        'Небольшая система делит фиксированную полную энергию с большим резервуаром, и все способы такого разделения равновероятны. ' +
        'Когда резервуар отдаёт системе энергию E, число его микросостояний Ω уменьшается в e^(E/T) раз ' +
        '(в этом и состоит смысл температуры: 1/T = d ln Ω/dE), поэтому p = g·e^(−E/T)/Z. ' +
        'В модели Эйнштейна N осцилляторов случайно передают друг другу q квантов и никакая температура не задаётся, ' +
        'но число квантов у каждого осциллятора всё равно подчиняется этому закону с 1/T = ln(1 + N/q). ' +
        'Каждая частица на экране — такой осциллятор, здесь при T = 1.',
    },
    apply(actions) {
      actions.goTo('physics');
      actions.setPhysicsSystem('harmonic-oscillator', { nMax: 20 });
      actions.setPhysicsTemperature(1);
      actions.setPlaying(true);
    },
  },
  {
    id: 'entropy-perplexity',
    title: {
      en: 'Entropy and perplexity',
      ru: 'Энтропия и перплексия',
    },
    body: {
      en:
        'The entropy S = −Σ p ln(p/g) measures how widely the particles spread over the states; ' +
        'for the next token the same sum is H = −Σ p ln p. ' +
        'Its exponential counts choices: e^S is the effective number of occupied states, ' +
        'and the perplexity e^H is the effective number of tokens the model is choosing between. ' +
        'Heating makes both grow; at T = ∞ the three-level system has e^S = 3 exactly.',
      ru:
        'Энтропия S = −Σ p ln(p/g) показывает, насколько широко частицы распределены по состояниям; ' +
        'для следующего токена та же сумма — это H = −Σ p ln p. ' +
        'Экспонента энтропии считает варианты: e^S — эффективное число занятых состояний, ' +
        'а перплексия e^H — эффективное число токенов, из которых выбирает модель. ' +
        'При нагреве обе величины растут; при T = ∞ у трёхуровневой системы e^S = 3 точно.',
    },
    apply(actions) {
      actions.goTo('parallel');
      actions.setPhysicsSystem('three-level', THREE_LEVEL);
      actions.setLinkedTemperature(1.5);
      actions.focus('#mapping-perplexity');
    },
  },
  {
    id: 'truncation',
    title: {
      en: 'Top-k, top-p and min-p set g = 0',
      ru: 'Top-k, top-p и min-p обнуляют g',
    },
    body: {
      en:
        'Truncating samplers remove unlikely tokens before the draw. ' +
        'In the physics picture a removed token is a level whose degeneracy g is set to 0: ' +
        'it stays on the ladder, but no state is left on it, so it is empty at every temperature. ' +
        'Here top-p = 0.9 keeps the fewest most likely tokens that together hold at least 90% of the probability.',
      ru:
        'Отсекающие методы убирают маловероятные токены до выбора. ' +
        'На языке физики убранный токен — это уровень, кратность вырождения g которого приравнена к нулю: ' +
        'он остаётся на лесенке, но состояний на нём нет, и он пуст при любой температуре. ' +
        'Здесь top-p = 0,9 оставляет наименьший набор самых вероятных токенов, на который приходится не меньше 90 % вероятности.',
    },
    apply(actions) {
      actions.goTo('language');
      actions.setSampler({ topK: 0, topP: 0.9, minP: 0 });
      actions.setLanguageTemperature(1);
      actions.focus('#sampler-controls');
    },
  },
  {
    id: 'population-inversion',
    title: {
      en: 'Negative temperature: population inversion',
      ru: 'Отрицательная температура: инверсная заселённость',
    },
    body: {
      en:
        'A system whose energies are bounded above, like this two-level system, can have a negative temperature. ' +
        'At T = −0.5 the factor e^(−E/T) grows with energy, so the upper level holds more particles than the lower one: ' +
        'a population inversion, the state a laser needs. ' +
        'Negative temperatures are hotter than infinite ones: on the scale β = 1/T they lie beyond β = 0.',
      ru:
        'Система, энергия которой ограничена сверху, как эта двухуровневая, может иметь отрицательную температуру. ' +
        'При T = −0,5 множитель e^(−E/T) растёт с энергией, и на верхнем уровне частиц больше, чем на нижнем: ' +
        'это инверсная заселённость, без которой не работает лазер. ' +
        'Отрицательные температуры горячее бесконечной: на шкале β = 1/T они лежат за β = 0.',
    },
    apply(actions) {
      actions.goTo('physics');
      actions.setPhysicsSystem('two-level', { gap: 1, upperDegeneracy: 1 });
      actions.setPhysicsTemperature(-0.5);
      actions.setPlaying(true);
      actions.focus('#temperature-controls');
    },
  },
  {
    id: 'least-likely-first',
    title: {
      en: 'Negative t: least likely first',
      ru: 'Отрицательная t: сначала наименее вероятное',
    },
    body: {
      en:
        'A token ladder is always finite, so t < 0 works for tokens too. ' +
        "At t = −1, p' ∝ p^(−1) = 1/p: the rarest token becomes the favourite, and the favourite the rarest. " +
        'No mainstream sampler allows this; it is what lies beyond t = ∞.',
      ru:
        'Лесенка токенов всегда конечна, поэтому t < 0 возможна и для токенов. ' +
        "При t = −1 получается p' ∝ p^(−1) = 1/p: самый редкий токен становится самым частым, а самый частый — самым редким. " +
        'Ни один распространённый сэмплер такого не допускает; это то, что лежит за t = ∞.',
    },
    apply(actions) {
      actions.goTo('language');
      actions.setSampler(NO_TRUNCATION);
      actions.setLanguageTemperature(-1);
      actions.focus('#lm-temperature-input');
    },
  },
];
