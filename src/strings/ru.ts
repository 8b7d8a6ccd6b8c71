/**
 * Every string the app shows, in Russian. A full literal of type Strings (no spread of `en`), so that the
 * type checker names any key this file lacks when en.ts gains one.
 */
import type { Strings } from './en.ts';
import { errorsRu, notesRu } from './ru/errors.ts';
import { handoutRu } from './ru/handout.ts';
import { lessonsRu } from './ru/lessons.ts';
import { plural } from './ru/plural.ts';
import { presetsRu } from './ru/presets.ts';

export { plural };

/**
 * The number a formatted count stands for ("482 243", "1,5", "3×10⁶"), for choosing a plural form. Only
 * the last digits matter; scientific notation is always a large round number (the "many" form).
 */
export function countOf(text: string): number {
  if (String(text).includes('×')) return 0;
  const normalized = String(text)
    .replace(/[\s\u202f\u00a0]/g, '')
    .replace(',', '.');
  const value = Number(normalized);
  return Number.isFinite(value) ? value : 0;
}

// The same grouping as the English strings (a narrow no-break space), made once.
const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const formatCount = (n: number) => GROUPED.format(n).replace(/,/g, '\u202f');

const tokenWord = (n: number) => plural(n, 'токен', 'токена', 'токенов');
/** After «из», «у», «не больше»: 1 токена, 21 токена, but 2 токенов, 5 токенов. */
const tokenGenitive = (n: number) => plural(n, 'токена', 'токенов', 'токенов');
const characterWord = (n: number) => plural(n, 'символ', 'символа', 'символов');
const characterGenitive = (n: number) => plural(n, 'символа', 'символов', 'символов');
const levelWord = (n: number) => plural(n, 'уровень', 'уровня', 'уровней');

const tokens = (n: number) => `${formatCount(n)} ${tokenWord(n)}`;
const remain = (n: number) =>
  n === 1 ? 'Остался один токен' : `${plural(n, 'Остался', 'Осталось', 'Осталось')} ${tokens(n)}`;
/** The tokens not drawn, after «на»: на единственный другой токен, на остальные 12 токенов. */
const others = (n: number) => (n === 1 ? 'единственный другой токен' : `остальные ${tokens(n)}`);

/** Titles of the bundled corpora (assets/corpora/index.json), by id. */
const CORPUS_TITLES: Record<string, string> = {
  'en-sotu': 'Послания «О положении страны» 2009–2021 (английский)',
  'ru-udhr': 'Всеобщая декларация прав человека (русский)',
  'en-udhr': 'Всеобщая декларация прав человека (английский)',
  'de-udhr': 'Всеобщая декларация прав человека (немецкий, орфография 1996 г.)',
  'fr-udhr': 'Всеобщая декларация прав человека (французский)',
  'es-udhr': 'Всеобщая декларация прав человека (испанский)',
};

/**
 * An engine level label in Russian: 'ground' and 'excited' (two-level system), 'level 1 (ground)' and
 * 'level 2' (three-level system and typed lists), '(1,1,2) or (1,2,1)' (3D box). Quantum numbers such
 * as 'n = 3', 'J = 5', 'v = 2' read the same in Russian, and anything else (a token) is left as it is.
 */
export function levelLabelRu(label: string): string {
  if (label === 'ground') return 'основной';
  if (label === 'excited') return 'возбуждённый';
  const level = /^level (\d+)( \(ground\))?$/.exec(label);
  if (level) return `уровень ${level[1]}${level[2] ? ' (основной)' : ''}`;
  if (/^\(\d+,\d+,\d+\)( or \(\d+,\d+,\d+\))+$/.test(label)) return label.replace(/ or /g, ' или ');
  return label;
}

export const ru: Strings = {
  languageLabel: 'Язык',
  copyLink: 'Копировать ссылку',
  close: 'Закрыть',
  helpButton: 'Клавиши',
  helpButtonLabel: 'Сочетания клавиш',
  storyButton: 'Экскурсия',
  lessons: lessonsRu,
  howItWorks: 'Как это устроено',
  projectorButton: 'Проектор',
  colourBlindButton: 'Палитра для дальтоников',
  fullscreenButton: 'Во весь экран',
  shortcutsHeading: 'Сочетания клавиш',
  shortcutsNote:
    'Клавиши действуют на видимый экран, когда фокус не в текстовом поле. До любого элемента управления можно добраться и клавишей Tab.',
  shortcutPlayPause: 'Пуск или пауза',
  shortcutStep: 'Один шаг (с паузой)',
  shortcutReset: 'Сбросить частицы',
  shortcutHotter: 'Горячее',
  shortcutColder: 'Холоднее',
  shortcutProjector: 'Включить или выключить режим проектора',
  shortcutFullscreen: 'Включить или выключить полноэкранный режим',
  shortcutStory: 'Начать экскурсию',
  shortcutHelp: 'Этот список',
  // Режим сцены: картинка заполняет экран проектора, для аудитории.
  stageButton: 'Сцена',
  stageButtonLabel: 'Режим сцены: картинка на весь экран и крупные показания, для аудитории',
  stageLeave: 'Выйти со сцены (Esc)',
  stageRegionLabel: 'Сцена',
  stageReadoutsLabel: 'Текущие показания',
  stageCanvasesLabel: 'Картинка',
  stageTemperatureLabel: 'Температура',
  stageUndefined: 'не определено',
  stageNoModel: 'модели пока нет',
  stageGroundFraction: 'На основном уровне',
  stagePhysicsGroundFraction: 'Основной уровень (физика)',
  stageLmTemperature: 'Температура t',
  stageEntropyBits: (bits: string) => `${bits} бит`,
  stageTopTokenProbability: 'p самого вероятного токена',
  stageTopToken: (token: string, p: string) => `${token} (p = ${p})`,
  shortcutStage: 'Включить или выключить режим сцены (Esc — выйти)',
  shortcutStageTemperature: 'На сцене: теплее, холоднее (в уроке — слайды)',
  shortcutBlank: 'На сцене: погасить экран и включить снова',
  stageKeysNote:
    'В режиме сцены работают клавиши пульта для презентаций: Page Up или → — теплее, Page Down или ← — холоднее (во время урока они листают слайды, а ↑ и ↓ по-прежнему меняют температуру), B затемняет экран, Esc — выход.',
  exportCsv: 'Скачать CSV',
  exportPng: 'Сохранить рисунок (PNG)',
  /** The printed handout of the current view (src/app/handout/). */
  handout: handoutRu,
  linkCopied: 'Ссылка скопирована: она открывает именно этот вид.',
  linkCopyFailed: 'Скопируйте этот адрес, чтобы поделиться видом:',
  linkRejected: (names: string) =>
    `Некоторые настройки в ссылке недопустимы и оставлены по умолчанию: ${names}.`,
  dismiss: 'Закрыть',
  presets: presetsRu,
  levelLabel: levelLabelRu,
  corpusTitle: (id: string, title: string) => CORPUS_TITLES[id] ?? title,
  errors: errorsRu,
  notes: notesRu,
  unexpectedError: 'В приложении что-то пошло не так; перезагрузка страницы должна помочь.',
  appTitle: 'Boltzmann Lab',
  tagline: 'Сэмплирование с температурой — это распределение Больцмана.',
  screensLabel: 'Экраны',
  screenPhysics: 'Физика',
  screenLanguage: 'Языковая модель',
  screenParallel: 'Сопоставление',
  stageLabel: 'Частицы на энергетических уровнях и их заселённость в сравнении с теорией',

  systemHeading: 'Система',
  systemLabel: 'Система',
  customFormula: 'Своя формула',
  energyList: 'Список энергий',
  energyFormulaLabel: 'Энергия $E(n)$',
  degeneracyFormulaLabel: 'Кратность вырождения $g(n)$',
  nFromLabel: '$n$ от',
  nToLabel: '$n$ до',
  energyListLabel: 'Энергии',
  energyListHint:
    'Вводите энергии через запятую, пробел или с новой строки; чтобы задать кратность вырождения g, допишите :g после энергии, например 0, 1:3, 2.5.',
  apply: 'Применить',

  temperatureHeading: 'Температура',
  temperatureSliderLabel: 'Температура (слева — холодно, справа — горячо)',
  temperatureFieldLabel: 'Температура',
  temperatureUnitLabel: 'Единица',
  temperatureHint: 'Например: 300 К, 25 мэВ, 1200 см⁻¹, 0,5 или inf (бесконечность)',
  temperatureMoved: (next: string, system: string, previous: string) =>
    `Температура изменена на ${next} — начальное значение для системы «${system}» (было ${previous}).`,
  negativeTemperatureRefused:
    'Отрицательные температуры требуют спектра, ограниченного сверху. Эта лестница уровней обрезана только для показа, поэтому выберите двух- или трёхуровневую систему, формулу или список.',
  internalUnit: (symbol: string) => (symbol === 'nats' ? 'нат' : symbol),

  particlesHeading: 'Частицы',
  particleCountLabel: 'Число частиц',
  particleSliderLabel: 'Число частиц (логарифмическая шкала)',
  particleHint: 'От 1 до 1e24',
  countsOnlyNote:
    'Только количества: при числе частиц больше миллиона гистограмма строится по мультиномиальному распределению, без отдельных частиц.',

  dynamicsHeading: 'Динамика',
  dynamicsLabel: 'Как частицы меняют уровень',
  dynamicsEquilibrium: 'Мгновенное равновесие (все частицы заново на каждом шаге)',
  dynamicsHeatBath: 'Термостат (часть частиц заново на каждом шаге)',
  dynamicsMetropolis: 'Алгоритм Метрополиса (переход на соседний уровень)',
  heatBathRateLabel: 'Доля частиц, разыгрываемых заново за шаг',
  metropolisSweepsLabel: 'Попыток перехода на частицу за шаг',
  play: 'Пуск',
  pause: 'Пауза',
  step: 'Шаг',
  reset: 'Сброс',
  fastForward: (factor: number) => `Перемотка ×${factor} до равновесия`,
  fastForwardStop: 'Остановить перемотку',
  fastForwardRunning: (factor: number, steps: string) =>
    `Перемотка ×${factor}, пока частицы не согласятся с теорией; сделано шагов: ${steps}`,
  speedLabel: 'Шагов в секунду',
  seedLabel: 'Зерно генератора',
  timeAverageLabel: 'Показать среднее по времени',

  // Einstein solid (a choice of dynamics): N oscillators trade q quanta; no temperature is imposed.
  dynamicsEinstein: 'Твёрдое тело Эйнштейна (температура не задаётся)',
  einsteinQuantaLabel: 'Число квантов $q$ на все осцилляторы',
  einsteinQuantaHint: (max: string) =>
    `Целое число от 0 до ${max}. Осцилляторы, у которых квантов больше, чем у верхнего уровня, рисуются на нём.`,
  einsteinQuantaInvalid: (max: string) => `Число квантов должно быть целым числом от 0 до ${max}.`,
  einsteinStartLabel: 'Начальное состояние (и после сброса)',
  einsteinStartEven: 'Поровну (по q/N)',
  einsteinStartConcentrated: 'Все кванты у одного (медленно растекаются)',
  einsteinStartEquilibrium: 'Случайное микросостояние (равновесие)',
  einsteinTemperature: (n: string, q: string, t: string) =>
    `Не задаётся, а определяется $N$ и $q$: $T = \\hbar\\omega / \\ln(1 + N/q) = \\hbar\\omega / \\ln(1 + ${n}/${q})$ = ${t}`,
  einsteinNeedsOscillator:
    'Твёрдое тело Эйнштейна состоит из гармонических осцилляторов: сначала выберите систему «Гармонический осциллятор» или «Молекула CO: колебания».',
  // End of the Einstein solid block.

  readoutsHeading: 'Термодинамика',
  readoutTemperature: 'Температура $T$',
  readoutPartition: 'Статистическая сумма $Z$',
  partitionLimit: (value: string, degeneracy: string, energy: string) =>
    `${value} (предел $g_0\\, e^{-E_0/T}$: $g_0$ = ${degeneracy}, $E_0$ = ${energy})`,
  readoutMeanEnergy: 'Средняя энергия $\\langle E \\rangle$',
  readoutHeatCapacity: 'Теплоёмкость $C / k_B$',
  readoutEntropy: 'Энтропия $S / k_B$',
  readoutFreeEnergy: 'Свободная энергия $F$',
  readoutSteps: 'Шаги',
  readoutFit: 'Критерий $\\chi^2$ (сравнение с распределением Больцмана)',
  fitExplanation: (threshold: string) =>
    `Критерий $\\chi^2$ оценивает, насколько вероятно только случайно получить числа частиц, отклоняющиеся от точного распределения Больцмана не меньше, чем сейчас. При p-значении выше ${threshold} отклонения — обычные флуктуации; при ${threshold} и ниже частицы ещё не пришли в равновесие (или не следуют теории). KL — расхождение Кульбака — Лейблера между наблюдаемыми долями и теорией; при полном совпадении оно равно 0.`,
  fitConsistent: (p: string, threshold: string, kl: string) =>
    `p-значение ${p}: согласуется с теорией (p-значение > ${threshold}), KL = ${kl}`,
  fitInconsistent: (p: string, threshold: string, kl: string) =>
    `p-значение ${p}: частицы ещё не в равновесии (p-значение ≤ ${threshold}), KL = ${kl}`,

  plotsHeading: 'В зависимости от температуры',
  plotMeanEnergy: 'Средняя энергия $\\langle E \\rangle$',
  plotHeatCapacity: 'Теплоёмкость $C$',
  plotEntropy: 'Энтропия $S$',
  plotAxisTemperature: (unit: string) => `T (${unit})`,
  plotAxisNotePositive:
    'Ось температуры — та же шкала, что у ползунка: $T = 0$ у левого края, $T = \\infty$ у правого, отметка стоит там же, где ползунок.',
  plotAxisNoteNegative:
    'Ось температуры — та же шкала, что у ползунка: $T = 0$ слева, $T = \\infty$ посередине, отрицательные $T$ (горячее $\\infty$) правее; отметка стоит там же, где ползунок.',
  plotMarkerPinned: (t: string) => `$T$ = ${t} лежит правее конца оси: отметка прижата к краю.`,

  tableHeading: 'Заселённость',
  tableCaption: 'Заселённость каждого уровня: теория и частицы сейчас',
  tableLevel: 'Уровень',
  tableEnergy: 'Энергия',
  tableDegeneracy: 'Кратность вырождения',
  tableTheory: 'Теория $p$',
  tableCount: 'Число',
  tableFraction: 'Доля',
  tableMoreLevels: (n: number) => `Ещё ${n} ${levelWord(n)}`,

  legendLabel: 'Условные обозначения',
  legendObserved: 'частицы сейчас (доля на уровне)',
  legendTheory: 'точное распределение Больцмана $p$',
  legendBand: '$\\pm 1\\sigma$ ожидаемой флуктуации',
  levelsShown: (shown: number, total: number) =>
    `Показаны уровни: ${shown} из ${total}; остальные объединены в верхней строке.`,
  axisNotToScale: 'Ось энергии растянута там, где уровни теснятся (не в масштабе).',
  higherLevels: (n: number) => `ещё ${n} ${levelWord(n)} выше`,
  lumpedAxisLabel: (n: number) => `среднее по ${n}`,
  levelsLumpedNote: (n: number, each: string, total: string) =>
    `На ${n} ${plural(n, 'верхний уровень', 'верхних уровня', 'верхних уровней')} из верхней строки вместе приходится ${total}; последний столбец гистограммы, за пунктирной линией, — их среднее: ${each} на уровень.`,

  summary: (system: string, temperature: string, particles: string, groundShare: string) =>
    `${system} при T = ${temperature}, частиц: ${particles}. По теории ${groundShare} из них находятся на нижнем уровне.`,
  // Language-model screen
  languageStageLabel:
    'Распределение следующего токена как лестница энергий: каждый токен — уровень с энергией E = −ln p',
  modelHeading: 'Модель',
  corpusLabel: 'Обучающий текст',
  ownText: 'Свой текст',
  ownTextLabel: 'Вставьте текст или перетащите сюда текстовый файл для обучения',
  ownTextFileLabel: 'Или выберите текстовый файл',
  orderLabel: 'Порядок (символов контекста + 1)',
  train: 'Обучить',
  trainingStatusIdle: 'Модели пока нет.',
  trainingStatusTraining: (characters: string) =>
    `Обучение на тексте из ${characters} ${characterGenitive(countOf(characters))}…`,
  trainingStatusReady: (characters: string, ms: string, where: string) =>
    `Модель обучена: ${characters} ${characterWord(countOf(characters))} за ${ms} мс (${where}).`,
  trainingInWorker: 'в фоновом потоке',
  trainingOnPage: 'на странице',
  contextHeading: 'Контекст',
  contextLabel: 'Контекст: текст, который продолжает модель',
  contextHint:
    'Символьная модель видит несколько последних символов (её порядок минус один); настоящая модель читает весь контекст в своих токенах.',
  exampleContextsLabel: 'Попробуйте контекст (измерено на модели этого текста):',
  exampleConfident: (context: string, bits: string) => `Модель уверена: «${context}» (${bits} бит)`,
  exampleUncertain: (context: string, bits: string) => `Модель не уверена: «${context}» (${bits} бит)`,
  samplerHeading: 'Сэмплер',
  lmTemperatureLabel: 'Температура $t$',
  lmTemperatureSliderLabel: 'Температура $t$ (слева — холодно, справа — горячо; $t < 0$ горячее $\\infty$)',
  lmTemperatureHint:
    '1 ничего не меняет, 0 — жадное декодирование, большая температура даёт равномерное распределение. Отрицательная переворачивает порядок, когда температура идёт первой (физическое расширение), и означает жадное декодирование, когда она идёт последней, как в llama.cpp.',
  lmNegativeTemperatureInverts:
    'Отрицательная $t$ — физическое расширение: ни одна библиотека сэмплирования её не допускает. Здесь температура идёт первой, и отрицательная $t$ переворачивает порядок: первыми становятся наименее вероятные токены.',
  lmNegativeTemperatureGreedy:
    'llama.cpp считает любую $t \\le 0$ жадным декодированием, и этот порядок тоже: остаётся только самый вероятный из токенов, которые оставило отсечение. Переворот порядка при отрицательной $t$ — физическое расширение, которого не делает ни один движок; чтобы его увидеть, выберите «Сначала температура».',
  topKLabel: 'top-k (0 = выкл.)',
  topPLabel: 'top-p (1 = выкл.)',
  minPLabel: 'min-p (0 = выкл.)',
  typicalPLabel: 'typical-p (1 = выкл.)',
  samplerOrderLabel: 'Порядок этапов',
  orderTemperatureFirst: 'Сначала температура (Hugging Face, vLLM)',
  orderTemperatureLast: 'Температура в конце (llama.cpp)',
  presetsHeading: 'Настройки движков по умолчанию',
  presetsNote:
    'С какими настройками сэмплируют два движка, если ничего не задано. Одно нажатие задаёт температуру, top-k, top-p, min-p, typical-p и порядок этапов.',
  presetHuggingFace: 'настройки Hugging Face generate',
  presetHuggingFaceDetail:
    'Hugging Face generate: температура 1, top-k 50 (если не задан другой), top-p 1, min-p выключен, typical-p 1; сначала температура.',
  presetLlamaCpp: 'настройки llama.cpp',
  presetLlamaCppDetail:
    'llama.cpp: температура 0,8, top-k 40, top-p 0,95, min-p 0,05, typical-p 1; температура в конце (цепочка: top-k, typical-p, top-p, min-p, температура).',
  presetPlain: 'простое сэмплирование',
  presetPlainDetail:
    'Простое сэмплирование: температура 1, все отсечения выключены — собственное распределение модели.',
  presetApply: (name: string) => `Применить ${name}`,
  compareHeading: 'top-p или min-p?',
  compareExplanation:
    'top-p оставляет самые вероятные токены, пока вместе они не наберут долю top-p всей вероятности, как бы ни выглядело распределение. ' +
    'min-p оставляет все токены, которые не менее чем в min-p раз так же вероятны, как самый вероятный: его порог масштабируется вместе с этим токеном, а порог top-p — нет. ' +
    'Поэтому, когда модель уверена, min-p оставляет только ближайших соперников, а top-p добирает свою долю токенами из хвоста; ' +
    'с ростом $t$ распределение становится более плоским, и top-p уходит в хвост всё глубже. ' +
    'Когда модель не уверена, порог min-p низок, и он может оставить больше токенов, чем top-p. ' +
    'Если температура применяется в конце (llama.cpp), оба отсечения видят собственные вероятности модели, и набор оставленных токенов от $t$ не зависит.',
  compareCurves:
    'Сплошные линии — сколько токенов оставлено (левая ось). Пунктир — какую долю вероятности при этой $t$ они несут (правая ось). Вертикальная линия — текущая $t$.',
  compareSettings: (topP: string, minP: string, order: string) =>
    `Для текущего контекста при top-p = ${topP} и min-p = ${minP}, ${order}.`,
  compareStandIn: 'Если в сэмплере top-p или min-p выключен, вместо него взято 0,9 или 0,1.',
  compareOrderFirst: 'сначала температура',
  compareOrderLast: 'температура в конце',
  compareNow: (t: string, topPKept: number, topPMass: string, minPKept: number, minPMass: string) =>
    `При $t$ = ${t}: top-p оставляет ${tokens(topPKept)} (${topPMass} вероятности), min-p — ${tokens(minPKept)} (${minPMass}).`,
  compareAxisTemperature: 'температура t',
  compareAxisKept: 'оставлено токенов',
  compareAxisMass: 'их доля',
  compareLegendTopP: (value: string) => `top-p ${value}`,
  compareLegendMinP: (value: string) => `min-p ${value}`,
  compareChartLabel: 'Сколько токенов оставляют top-p и min-p при разных температурах',
  sourceHeading: 'Распределение',
  sourceModel: 'Из символьной модели',
  sourcePasted: 'Вставленное из настоящей модели',
  sourceReal: 'Из настоящей модели, открытой ниже',
  pasteLabel: 'Вставьте распределение в формате JSON',
  pasteHint:
    'Словарь {"токен": вероятность} или {"токен": логарифм вероятности}, список top_logprobs от OpenAI или запись completion_probabilities из llama.cpp.',
  pasteLoad: 'Использовать это распределение',
  pastedSummary: (tokenCount: string, source: string) =>
    `${tokenCount} ${tokenWord(countOf(tokenCount))} — ${source}`,
  lmReadoutEntropy: 'Энтропия $H$',
  lmReadoutPerplexity: 'Перплексия $e^H$',
  lmReadoutPartition: 'Знаменатель софтмакса $Z$',
  lmReadoutKept: 'Токены, которые могут быть выбраны',
  lmReadoutGreedy: 'Самый вероятный токен',
  entropyValue: (nats: string, bits: string) => `${nats} нат = ${bits} бит`,
  keptValue: (kept: string, total: string) => `${kept} из ${total}`,
  tokenOverflow: (n: number) =>
    `ещё ${n} ${plural(n, 'менее вероятный токен', 'менее вероятных токена', 'менее вероятных токенов')}`,
  tokensLumpedNote: (n: number, each: string, total: string) =>
    `На ${n} ${plural(n, 'менее вероятный токен', 'менее вероятных токена', 'менее вероятных токенов')} из верхней строки вместе приходится ${total}; последний столбец гистограммы, за пунктирной линией, — их среднее: ${each} на токен.`,
  tokenLevelLabel: (token: string, p: string) => `${token} · p ${p}`,
  tableToken: 'Токен',
  tableEnergyNats: '$E = -\\ln p$',
  lmTableKept: 'Оставлен (1) или удалён (0)',
  noModel: 'Обучите модель (или вставьте распределение), чтобы увидеть её распределение следующего токена.',
  // Side-by-side screen
  parallelIntro:
    'Слева — физическая система, справа — распределение следующего токена символьной модели, где каждый токен изображён уровнем с энергией $E = -\\ln p$. Обеими сторонами управляет одна температура: справа идёт сэмплирование с температурой, и это распределение Больцмана.',
  parallelIntroReal:
    'Слева — физическая система, справа — распределение следующего токена настоящей модели по всему её словарю, где каждый токен — уровень с энергией $E = -\\ln p$. Обеими сторонами управляет одна температура: справа идёт сэмплирование с температурой, и это распределение Больцмана.',
  parallelPhysicsLabel: 'Физическая система при температуре T',
  parallelTokensLabel: 'Распределение следующего токена при температуре t = T',
  parallelSystemLabel: 'Физическая система',
  linkedTemperatureHeading: 'Одна температура для обеих сторон',
  linkedTemperatureSliderLabel: '$T = t$ (слева — холодно, справа — горячо; $T < 0$ горячее $\\infty$)',
  linkedTemperatureLabel: '$T = t$',
  mappingHeading: 'Словарь',
  mappingPhysics: 'Физика',
  mappingLanguage: 'Языковая модель',
  mappingNow: 'Сейчас',
  mappingShow: 'Показать',
  mappingRows: {
    energy: [
      'Энергия уровня $E$',
      'Неожиданность токена $-\\ln p$',
      'При $t = 1$ лестница токенов — это в точности $-\\ln p$.',
    ],
    temperature: [
      'Температура $T$',
      'Температура сэмплирования $t$',
      'Двигайте один ползунок: обе стороны следуют за ним.',
    ],
    partition: [
      'Статистическая сумма $Z = \\sum g\\, e^{-E/T}$',
      'Знаменатель софтмакса $\\sum p^{1/t}$',
      'При $t = 1$ на стороне токенов $Z = 1$.',
    ],
    ground: [
      'Основное состояние при $T \\to 0$',
      'Жадное декодирование (argmax) при $t \\to 0$',
      'Всё собирается на нижнем уровне / в самом вероятном токене.',
    ],
    hot: [
      '$T \\to \\infty$: все состояния равновероятны',
      '$t \\to \\infty$: равномерное распределение по токенам',
      'Температура так высока, что энергия перестаёт иметь значение.',
    ],
    degeneracy: [
      'Вырождение $g$: состояния с одной и той же энергией',
      'Токены с равной вероятностью',
      'Уровень с $g$ состояниями заполняется как $g$ токенов с такой вероятностью.',
    ],
    entropy: [
      'Энтропия $S$',
      'Энтропия $H$ следующего токена',
      'Обе равны $-\\sum p \\ln p$ (по состояниям).',
    ],
    perplexity: [
      '$e^S$: число эффективно занятых состояний',
      'Перплексия $e^H$: эффективное число вариантов',
      'Одно и то же число под двумя названиями.',
    ],
    negative: [
      'Отрицательная $T$: инверсия населённостей',
      'Отрицательная $t$: первыми идут наименее вероятные (физическое расширение)',
      'За бесконечной температурой порядок переворачивается. Ни одна библиотека сэмплирования не допускает $t < 0$; llama.cpp считает её жадным декодированием.',
    ],
  },
  webglMissing:
    'Этот браузер не смог запустить WebGL, поэтому частицы нарисовать нельзя. Таблица ниже по-прежнему показывает числа.',
  /** The language-model screen's pipeline view and generation panel. */
  lm: {
    // Pipeline view
    pipelineHeading: 'Как сэмплер меняет распределение',
    pipelineEmpty: 'Распределения пока нет: обучите модель или вставьте распределение.',
    pipelineIntro: (shown: number) =>
      `Самые вероятные для модели токены (${shown}) на каждом этапе, в том порядке, в котором этапы применяются. Серым — до этапа, оранжевым — после.`,
    legendBefore: 'до этапа',
    legendAfter: 'после этапа',
    legendRemovedHere: 'удалён этим этапом',
    legendRemovedEarlier: 'удалён раньше',
    stageNames: {
      temperature: 'Температура',
      'top-k': 'top-k',
      'top-p': 'top-p',
      'min-p': 'min-p',
      'typical-p': 'typical-p',
    },
    /** A stage's name with its setting, e.g. "top-p 0,9"; the setting is omitted when unknown. */
    stageTitle: (name: string, value: string | null) => (value === null ? name : `${name} ${value}`),
    stageOff: (title: string) => `${title}: выкл.`,
    stageNumber: (n: number) => `${n}.`,
    temperatureSharpens: (title: string, kept: number) =>
      `${title} делает распределение острее: вероятные токены выигрывают, маловероятные проигрывают. ${remain(kept)}.`,
    temperatureFlattens: (title: string, kept: number) =>
      `${title} сглаживает распределение: маловероятные токены выигрывают. ${remain(kept)}.`,
    temperatureInverts: (title: string, kept: number) =>
      `${title} переворачивает порядок: наименее вероятные токены становятся самыми вероятными. ${remain(kept)}.`,
    temperatureUniform: (title: string, kept: number) =>
      kept === 1
        ? `${title} оставляет единственный токен.`
        : `${title} делает все ${tokens(kept)} равновероятными.`,
    temperatureReshapes: (title: string, kept: number) =>
      `${title} меняет форму распределения. ${remain(kept)}.`,
    temperatureGreedy: (title: string, token: string) =>
      `${title} — это жадное декодирование: остаётся только «${token}».`,
    stageRemoved: (title: string, removed: number, kept: number) =>
      `${title}: ${plural(removed, 'удалён', 'удалено', 'удалено')} ${tokens(removed)}, ${plural(kept, 'остался', 'осталось', 'осталось')} ${formatCount(kept)}.`,
    stageRemovedNone: (title: string, kept: number) => `${title}: ни один токен не удалён. ${remain(kept)}.`,
    tableCaption: (title: string) => `${title}: вероятность каждого показанного токена до и после этапа`,
    tableToken: 'Токен',
    tableBefore: 'До',
    tableAfter: 'После',
    tableStatus: 'Статус',
    statusKept: 'оставлен',
    statusRemovedHere: 'удалён здесь',
    statusRemovedEarlier: 'удалён раньше',
    tokenTitle: (token: string, before: string, after: string) => `«${token}»: ${before} → ${after}`,
    tokenTitleFinal: (token: string, probability: string) => `«${token}»: ${probability}`,
    /** The tokens not drawn: how many are present before the stage and what they hold. */
    otherTokens: (count: number, before: string, after: string) =>
      count === 0 ? '' : `На ${others(count)} приходится ${before} до этапа и ${after} после.`,
    otherTokensFinal: (count: number, probability: string) =>
      count === 0 ? '' : `На ${others(count)} приходится ${probability}.`,
    finalHeading: 'Итоговое распределение: из него выбирается следующий токен',
    finalCaption: (kept: number, total: number, entropyBits: string, perplexity: string) =>
      `Выбрать можно ${formatCount(kept)} из ${formatCount(total)} ${tokenGenitive(total)}; энтропия ${entropyBits} бит, неопределённость как у выбора из ${perplexity} равновероятных вариантов.`,
    finalCaptionGreedy: (token: string) => `Жадное декодирование: следующий токен всегда «${token}».`,
    finalTableCaption: 'Вероятность каждого показанного токена в итоговом распределении',
    tableProbability: 'Вероятность',
    readoutEntropy: 'Энтропия $H$',
    readoutPerplexity: 'Перплексия $e^H$ (эффективное число вариантов)',
    readoutKept: 'Токены, которые могут быть выбраны',
    readoutGreedy: 'Жадное декодирование',
    entropyValue: (nats: string, bits: string) => `${nats} нат = ${bits} бит`,
    keptValue: (kept: number, total: number) =>
      `${formatCount(kept)} из ${formatCount(total)} ${tokenGenitive(total)}`,
    greedyValue: (token: string) => `всегда «${token}»`,

    // Generation panel
    generationHeading: 'Генерация при нескольких температурах',
    generationIntro:
      'Каждый столбец продолжает контекст по одному символу с помощью сэмплера, настроенного выше, при своей температуре.',
    generationIntroTokens:
      'Каждый столбец продолжает контекст по одному токену с настоящей моделью и сэмплером выше, при своей температуре; столбец останавливается на токене конца текста.',
    generationNoModel: 'Сначала обучите модель: генерация продолжает контекст с помощью символьной модели.',
    temperaturesLabel: 'Температуры, по одному столбцу на каждую',
    temperaturesHint:
      'От −5 до 5 через точку с запятой, дробная часть — после запятой: 0; 0,5; 1. 0 — жадное декодирование.',
    temperaturesRead: (list: string) => `Прочитано: ${list}`,
    temperaturesCount: (max: number, got: number) =>
      got === 0
        ? `Укажите хотя бы одну температуру (не больше ${max}).`
        : `Укажите не больше ${max} ${plural(max, 'температуры', 'температур', 'температур')}; сейчас их ${got}.`,
    temperaturesNotANumber: (text: string) => `«${text}» — не число.`,
    temperaturesAmbiguousComma: (text: string) =>
      `«${text}» можно прочитать по-разному: разделяйте температуры точкой с запятой, а дробную часть отделяйте запятой, например 0; 0,5; 1.`,
    temperaturesOutOfRange: (text: string, limit: string) =>
      `${text} вне диапазона от −${limit} до ${limit}.`,
    seedLabel: 'Зерно генератора',
    seedHint: 'Одно и то же зерно даёт один и тот же текст.',
    play: 'Пуск',
    pause: 'Пауза',
    step: 'Шаг',
    reset: 'Сброс',
    columnTitle: (temperature: string) => `$t$ = ${temperature}`,
    columnGreedy: 'жадное',
    columnLabel: (temperature: string) => `Текст, сгенерированный при температуре ${temperature}`,
    choice: (token: string, probability: string) => `выбран «${token}» с p = ${probability}`,
    choiceNone: 'Пока ничего не сгенерировано.',
    columnLength: (n: number, max: number) => `${n} / ${max} ${plural(max, 'символ', 'символа', 'символов')}`,
    generationFinished: (max: number) => `Остановлено: в каждом столбце ${max} ${characterWord(max)}.`,
    generationPaused: (n: number) =>
      `Пауза после ${n === 1 ? 'одного символа' : `${n} ${characterGenitive(n)}`}.`,
    generationPlaying: 'Генерация…',
    columnTokens: (n: number, max: number) => `${n} / ${max} ${tokenWord(max)}`,
    generationFinishedTokens: (max: number) =>
      `Остановлено: в каждом столбце ${max} ${tokenWord(max)} или модель выдала токен конца текста.`,
    generationPausedTokens: (n: number) =>
      `Пауза после ${n === 1 ? 'одного токена' : `${n} ${tokenGenitive(n)}`}.`,
  },
  // Настоящая модель (GGUF), которую выполняет llama.cpp в WebAssembly
  realModel: {
    heading: 'Настоящая модель (GGUF)',
    intro:
      'Запустите настоящую языковую модель прямо во вкладке, без сети: llama.cpp, скомпилированная в WebAssembly, читает файл .gguf. Каждый токен её словаря становится уровнем, и сэмплер выше работает со всеми ними.',
    fileLabel: 'Откройте файл .gguf (или перетащите его сюда)',
    fileHint:
      'Лучше всего подходят небольшие модели: SmolLM2-135M (около 100–150 МБ) или модель TinyStories. Файл не покидает ваш компьютер.',
    urlLabel: 'Или загрузите модель по адресу',
    urlHint:
      'Прямая ссылка на файл .gguf, например ссылка Hugging Face вида «resolve». Загруженная модель сохраняется в браузере для работы без сети.',
    checkSize: 'Узнать размер',
    download: 'Загрузить',
    downloadSize: (megabytes: string) => `Загрузить ${megabytes} МБ`,
    downloadUnknownSize: 'Загрузить (размер неизвестен)',
    cancel: 'Отменить',
    downloading: (loaded: string, total: string) => `Загрузка: ${loaded} из ${total} МБ`,
    downloadingUnknown: (loaded: string) => `Загрузка: ${loaded} МБ (сервер не сообщил размер)`,
    loading: (name: string) => `${name} загружается в llama.cpp…`,
    computing: 'Модель вычисляет распределение следующего токена…',
    unload: 'Выгрузить модель',
    infoName: 'Модель',
    infoArchitecture: 'Архитектура',
    infoVocabulary: 'Словарь (токены, все на лестнице)',
    infoContext: 'Окно контекста (токены)',
    infoSize: 'Размер файла',
    infoLoadTime: 'Загружена за',
    sizeMegabytes: (megabytes: string) => `${megabytes} МБ`,
    milliseconds: (ms: string) => `${ms} мс`,
    storedHeading: 'Сохранено в браузере',
    storedNone: 'Загруженных моделей нет. Файлы, открытые с диска, сюда не копируются.',
    storedSome: (n: number) =>
      `${n === 1 ? 'Одна модель хранится' : `Моделей хранится: ${n}`} в браузере для работы без сети; удалите ненужные.`,
    openStored: 'Открыть',
    deleteStored: 'Удалить',
    tokenMarks:
      'Токены показаны текстом: ␣ — пробел, ↵ — перевод строки; байт, который сам по себе не целый символ, — как <0xE2>; специальные токены — в ⟦ ⟧.',
    contextTokens: (n: number) =>
      `Контекст в токенах модели (${n === 1 ? 'один токен' : `${n} ${tokenWord(n)}`}):`,
    contextCut: (dropped: number, kept: number) =>
      `Модель читает только последние ${kept} ${tokenWord(kept)} (её окно, с запасом на то, что она сгенерирует); первые ${dropped} ${tokenWord(dropped)} отброшены.`,
    contextTokensMore: (n: number) => `ещё ${n} ${tokenWord(n)} раньше…`,
  },
};
