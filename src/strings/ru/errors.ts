/** The engine's errors, notes and source descriptions in Russian, by code (see src/core/errors.ts). */
import type * as Engine from '../../core/errors.ts';
import type { ErrorTable, NoteTable } from '../messageTable.ts';
import { presetLabels } from '../presetText.ts';
import { plural } from './plural.ts';

/** A number the Russian way: a decimal comma, the infinities as signs. */
const num = (x: number) =>
  x === Number.POSITIVE_INFINITY ? '∞' : x === Number.NEGATIVE_INFINITY ? '−∞' : String(x).replace('.', ',');

/** The particle settings a range error can name. */
const SETTING_NAMES = {
  heatBathFraction: 'Доля частиц, разыгрываемых заново за шаг',
  metropolisSweeps: 'Число проходов за шаг',
  stepsPerSecond: 'Число шагов в секунду',
} as const;
/** A large count in groups of three, as the Russian strings write counts. */
const grouped = (n: number) => n.toLocaleString('en-US').replace(/,/g, '\u202f');
/** The person's text, quoted the Russian way. */
const q = (text: string) => `«${text}»`;
/** A size in megabytes to one decimal, with the Russian decimal comma. */
const decimal = (x: number) => x.toFixed(1).replace('.', ',');

const count = (n: number, one: string, few: string, many: string) => `${n} ${plural(n, one, few, many)}`;
const characters = (n: number) => count(n, 'символ', 'символа', 'символов');

const GGUF_HINT: Record<Exclude<Engine.NotGgufHint, null>, string> = {
  ggml: ' Похоже на модель старого формата GGML/GGJT: сначала преобразуйте её в GGUF средствами llama.cpp.',
  safetensors: ' Похоже на файл safetensors: сначала преобразуйте модель в GGUF средствами llama.cpp.',
  zip: ' Похоже на ZIP-архив (.bin или .pt из PyTorch): сначала преобразуйте модель в GGUF средствами llama.cpp.',
  text: ' Похоже на текстовый файл.',
  empty: ' Файл пуст.',
};

const GGUF_CORRUPTION: Record<Engine.GgufCorruption, string> = {
  stringLength: 'длина строки больше, чем осталось байтов в файле',
  valueType: 'у значения тип, которого нет в GGUF',
  arrayLength: 'в списке заявлено больше элементов, чем помещается в файле',
  tooDeep: 'списки вложены глубже, чем это бывает в моделях',
  count: 'заявлено больше записей или тензоров, чем помещается в файле',
  duplicateKey: 'ключ встречается дважды',
  duplicateTensor: 'у двух тензоров одно имя',
  alignment: 'выравнивание не является степенью двойки',
  dimensions: 'у тензора невозможная форма',
  rowSize: 'строки тензора не делятся на целые блоки его типа',
  tensorMisaligned: 'данные тензора начинаются не с кратного выравниванию смещения',
  keyType: 'у ключа значение не того типа',
  tokenTypes: 'типов токенов не столько же, сколько самих токенов',
  headerTooLarge: 'заголовок больше, чем бывает у любой модели',
};

/** Sizes in MB with the decimal comma, with enough decimals that two different sizes never read the same. */
function megabytePair(a: number, b: number): [string, string] {
  let digits = 1;
  while (digits < 6 && (a / 1e6).toFixed(digits) === (b / 1e6).toFixed(digits)) digits++;
  return [(a / 1e6).toFixed(digits).replace('.', ','), (b / 1e6).toFixed(digits).replace('.', ',')];
}

const LESSON_FIELD_KIND: Record<Engine.LessonFieldKind, string> = {
  text: 'текстом',
  number: 'числом',
  list: 'списком',
  object: 'объектом',
  choice: 'одним из допустимых значений',
};

const FORMULA: Record<Engine.FormulaField, string> = {
  energy: 'Формула энергии',
  degeneracy: 'Формула кратности вырождения',
  formula: 'Формула',
};
const formula = (field: Engine.FormulaField, detail: string) => `${FORMULA[field]}: ${detail}`;

const FORBIDDEN: Record<Engine.ForbiddenNode, string> = {
  access: 'обращение к свойствам и индексы («.» или «[ ]») недопустимы',
  assignment: 'присваивания («=») недопустимы; введите только выражение, например n^2',
  functionDefinition: 'определять функции нельзя; введите только выражение, например n^2',
  list: 'списки и матрицы («[ ]») недопустимы',
  object: 'объекты («{ }») недопустимы',
  severalExpressions: 'допустимо только одно выражение (без «;» и переносов строк)',
  range: 'диапазоны («a:b») недопустимы',
  condition: 'условия («a ? b : c») недопустимы',
  comparison: 'сравнения («<», «>», «==») недопустимы',
};

const PARSE: Record<Exclude<Engine.ParseProblem, 'other'>, (detail: string) => string> = {
  unexpectedEnd: () => 'выражение неожиданно оборвалось',
  missingParenthesis: () => 'не хватает закрывающей скобки «)»',
  valueExpected: () => 'ожидается значение',
  digitExpected: (d) => (d === '' ? 'ожидается цифра' : `ожидается цифра, а стоит «${d}»`),
  syntaxInPart: (d) => `синтаксическая ошибка в части «${d}»`,
  unexpectedOperator: (d) => `неожиданный оператор ${d}`,
  unexpectedPart: (d) => `неожиданная часть «${d}»`,
  invalidAssignment: () => 'недопустимая левая часть присваивания «=»',
  optionalChainAssignment: () => 'нельзя присваивать значение необязательной цепочке',
  conditionalFalseExpected: () => 'ожидается ветвь «иначе» условного выражения',
  conditionalTrueEmpty: () => 'ветвь «то» условного выражения не может быть пустой',
  bracketExpected: () => 'ожидается скобка «]»',
  propertyAfterDot: () => 'после точки ожидается имя свойства',
  propertyAfterOptionalChain: () => 'после «?.» ожидается имя свойства',
  invalidUnicode: (d) => `недопустимый символ Юникода ${d}`,
  badEscape: (d) => `недопустимая escape-последовательность ${d}`,
  endOfString: (d) => `ожидается конец строки ${d}`,
  endOfMatrix: () => 'ожидается конец матрицы «]»',
  columnMismatch: (d) => `размеры столбцов не совпадают ${d}`,
  objectKey: () => 'ключом объекта должно быть имя или строка',
  objectColon: () => 'после ключа объекта ожидается двоеточие «:»',
  objectComma: () => 'после значения объекта ожидается запятая «,» или скобка «}»',
};

/** "1 аргумент", "от 1 до 20 аргументов", "1 или 2 аргумента". */
function arguments_(min: number, max: number): string {
  const word = (n: number) => plural(n, 'аргумент', 'аргумента', 'аргументов');
  if (min === max) return `${min} ${word(min)}`;
  return max - min > 1 ? `от ${min} до ${max} ${word(max)}` : `${min} или ${max} ${word(max)}`;
}

const NOUN: Record<Engine.Quantity, string> = { temperature: 'Температура', energy: 'Энергия' };
const HINT: Record<Engine.Quantity, string> = {
  temperature: 'введите температуру (300 К) или энергию (25 мэВ)',
  energy: 'введите энергию (25 мэВ, 1200 см⁻¹) или температуру (300 К)',
};

const DIMENSION: Record<Engine.Dimension, string> = {
  length: 'длина',
  mass: 'масса',
  time: 'время',
  area: 'площадь',
  volume: 'объём',
  speed: 'скорость',
  acceleration: 'ускорение',
  force: 'сила',
  pressure: 'давление',
  power: 'мощность',
  current: 'сила тока',
  voltage: 'напряжение',
  charge: 'электрический заряд',
  resistance: 'сопротивление',
  magneticField: 'магнитное поле',
  amountOfSubstance: 'количество вещества',
  angle: 'угол',
  information: 'количество информации',
  luminousIntensity: 'сила света',
  entropy: 'энтропия (или теплоёмкость)',
  action: 'действие (энергия × время)',
  inverseTemperature: 'обратная температура',
  inverseEnergy: 'обратная энергия',
  density: 'плотность',
  pureNumber: 'безразмерное число (единицы сокращаются)',
};

const COUNTED: Record<Engine.Counted, string> = {
  draws: 'Число выборок',
  particles: 'Число частиц',
  trials: 'Число испытаний',
  alternatives: 'Число альтернатив',
  tokensToGenerate: 'Число токенов для генерации',
};

const entry = (p: { entry: number; text: string }) => `Запись ${p.entry} (${q(p.text)})`;

function described(found: Engine.Described): string {
  switch (found.kind) {
    case 'null':
      return 'null';
    case 'list':
      return 'список';
    case 'object':
      return 'объект';
    case 'boolean':
      return 'логическое значение';
    case 'undefined':
      return 'пусто';
    case 'text':
      return `текст ${found.text}`;
    case 'number':
      return num(found.value);
  }
}

/** "Запись 3" (a candidate of a top-level list) or its path; `genitive` for "у записи 3". */
const place = (at: Engine.Place, genitive = false) =>
  at.path === '' ? `${genitive ? 'записи' : 'Запись'} ${at.index}` : `${at.path}[${at.index}]`;
const inPath = (path: string) => (path === '' ? '' : ` в ${path}`);

const JSON_PROBLEM: Record<
  Exclude<Engine.JsonProblem, 'other'>,
  (detail: string, excerpt: string) => string
> = {
  propertyNameOrBrace: () => 'ожидается имя свойства или «}»',
  quotedPropertyName: () => 'ожидается имя свойства в двойных кавычках',
  commaOrBracket: () => 'после элемента списка ожидается «,» или «]»',
  commaOrBrace: () => 'после значения свойства ожидается «,» или «}»',
  colon: () => 'после имени свойства ожидается «:»',
  unterminatedString: () => 'строка не закрыта кавычкой',
  trailingCharacters: () => 'после JSON есть лишние символы',
  unexpectedEnd: () => 'JSON неожиданно оборвался',
  unexpectedNumber: () => 'неожиданное число',
  unexpectedString: () => 'неожиданная строка',
  controlCharacter: () => 'недопустимый управляющий символ в строке',
  noNumberAfterMinus: () => 'после знака минус нет числа',
  unterminatedFraction: () => 'у числа нет цифр после точки',
  exponentMissing: () => 'у показателя степени нет числа',
  badEscape: () => 'недопустимая escape-последовательность',
  badUnicodeEscape: () => 'недопустимая escape-последовательность Юникода',
  unexpectedToken: (detail, excerpt) =>
    excerpt === '' ? `неожиданный символ ${detail}` : `неожиданный символ «${detail}» в ${excerpt}`,
  invalidText: (detail) => `${detail} — не JSON`,
};

const quantityName = (quantity: 'energy' | 'degeneracy') =>
  quantity === 'energy' ? 'Энергия' : 'Кратность вырождения';

export const errorsRu: ErrorTable = {
  'formula.notText': (p) => `${FORMULA[p.field]}: нужен текст.`,
  'formula.tooLong': (p) =>
    `${FORMULA[p.field]} слишком длинная (${characters(p.length)}; предел — ${p.limit}).`,
  'formula.empty': (p) => `${FORMULA[p.field]} пуста.`,
  'formula.degeneracyEmpty': () =>
    'Формула кратности вырождения пуста; введите 1, если у каждого уровня одно состояние.',
  'formula.tooManyParts': (p) => formula(p.field, `формула слишком длинная (больше ${p.limit} частей).`),
  'formula.tooDeep': (p) =>
    formula(p.field, `в формуле слишком глубокая вложенность (больше ${p.limit} уровней).`),
  'formula.quotedText': (p) =>
    formula(p.field, 'текст в кавычках недопустим: формула состоит из чисел, n и функций.'),
  'formula.notANumber': (p) => formula(p.field, `${q(p.text)} недопустимо: разрешены только числа.`),
  'formula.infiniteNumber': (p) => formula(p.field, 'число в формуле бесконечно или слишком велико.'),
  'formula.functionAsName': (p) => formula(p.field, `${q(p.name)} — это функция: пишите ${p.name}(…).`),
  'formula.unknownName': (p) => {
    const what =
      p.variables.length === 0
        ? 'числа'
        : p.variables.length === 1
          ? `переменную ${p.variables[0]}`
          : `переменные ${p.variables.join(', ')}`;
    return formula(
      p.field,
      `неизвестное имя ${q(p.name)}. Используйте ${what} и константы ${p.constants.join(', ')}.`,
    );
  },
  'formula.comparison': (p) => formula(p.field, `сравнения (${q(p.operator)}) недопустимы.`),
  'formula.operator': (p) =>
    formula(
      p.field,
      `оператор ${p.operator === "'" ? "' (транспонирование)" : q(p.operator)} недопустим. ` +
        'Разрешены: + - * / ^ % (остаток) и ! (факториал).',
    ),
  'formula.unnamedCall': (p) => formula(p.field, 'вызывать можно только функции по имени, например sqrt(n).'),
  'formula.notAFunction': (p) => formula(p.field, `${q(p.name)} — не функция; ставьте * между множителями.`),
  'formula.unknownFunction': (p) =>
    formula(p.field, `неизвестная функция ${q(p.name)}. Разрешены: ${p.allowed.join(', ')}.`),
  'formula.argumentCount': (p) =>
    formula(p.field, `${p.name} принимает ${arguments_(p.min, p.max)}, а передано ${p.given}.`),
  'formula.forbidden': (p) => formula(p.field, `${FORBIDDEN[p.node]}.`),
  'formula.unknownNode': (p) => formula(p.field, `${q(p.node)} недопустимо.`),
  'formula.syntax': (p) => {
    // A message of a newer mathjs that formula.ts does not know yet stays as mathjs wrote it.
    const text = p.problem === 'other' ? p.detail : PARSE[p.problem](p.detail);
    return formula(p.field, `${text}${p.position === null ? '' : ` (символ ${p.position})`}.`);
  },
  'formula.firstNNotWhole': (p) => `Начальное n должно быть целым числом (получено ${p.got}).`,
  'formula.lastNNotWhole': (p) => `Конечное n должно быть целым числом (получено ${p.got}).`,
  'formula.nOrder': (p) => `Начальное n (${p.from}) не должно быть больше конечного n (${p.to}).`,
  'formula.tooManyLevels': (p) =>
    `Слишком много уровней: n от ${p.from} до ${p.to} — это ${count(p.count, 'уровень', 'уровня', 'уровней')}; предел — ${p.limit}.`,
  'formula.tooSlow': (p) =>
    `Вычисление формул для ${p.levels} ${plural(p.levels, 'уровня', 'уровней', 'уровней')} заняло больше ${p.milliseconds} мс; уменьшите число уровней или упростите формулу.`,
  'formula.notReal': (p) =>
    `${quantityName(p.quantity)} не является действительным числом при n = ${p.n} (${p.formula}).`,
  'formula.notFinite': (p) => `${quantityName(p.quantity)} бесконечна при n = ${p.n} (${p.formula}).`,
  'formula.negativeDegeneracy': (p) =>
    `Кратность вырождения отрицательна (${num(p.value)}) при n = ${p.n} (${p.formula}); она считает состояния, поэтому должна быть не меньше 0.`,
  'formula.allDegeneraciesZero': () =>
    'Все кратности вырождения равны 0, и ни на одном уровне нет состояний, которые можно занять. Хотя бы у одного уровня должно быть g > 0.',

  'quantity.notText': (p) => `${NOUN[p.quantity]}: нужен текст.`,
  'quantity.tooLong': (p) =>
    `${NOUN[p.quantity]}: слишком длинный текст (${characters(p.length)}; предел — ${p.limit}).`,
  'quantity.empty': (p) => `${NOUN[p.quantity]} не указана; ${HINT[p.quantity]}.`,
  'quantity.tooLarge': (p) => `${NOUN[p.quantity]} ${q(p.text)} слишком велика.`,
  'quantity.notFinite': (p) => `${NOUN[p.quantity]} должна быть конечной (получено ${q(p.text)}).`,
  'quantity.decimalComma': (p) => `${q(p.text)}: дробную часть отделяйте точкой, например 0.5 или 2.5 meV.`,
  'quantity.notQuantity': (p) =>
    `${q(p.text)} — не число и не величина с единицей измерения; ${HINT[p.quantity]}.`,
  'quantity.notNumberAndUnit': (p) => `${q(p.text)} — не число с единицей измерения; ${HINT[p.quantity]}.`,
  'quantity.unknownUnit': (p) =>
    `Неизвестная единица ${q(p.unit)} в ${q(p.text)}.${p.suggestion === null ? '' : ` Возможно, имелось в виду ${q(p.suggestion)}?`} ` +
    'Попробуйте К, °С, мэВ, эВ, см⁻¹ (или см^-1, см-1), ТГц, Дж или кДж/моль; латинские K, °C, meV, cm⁻¹, THz тоже подходят.',
  'quantity.unreadableUnit': (p) =>
    `Не удаётся прочитать единицу ${q(p.unit)} в ${q(p.text)}; ${HINT[p.quantity]}.`,
  'quantity.belowAbsoluteZero': (p) =>
    `${q(p.text)} — ниже абсолютного нуля. Отрицательную абсолютную температуру (инверсию населённостей) записывают в кельвинах, например -300 K.`,
  'quantity.neither': (p) => `${q(p.text)} — не температура и не энергия; ${HINT[p.quantity]}.`,
  'quantity.wrongDimension': (p) => `${q(p.text)} — это ${DIMENSION[p.dimension]}; ${HINT[p.quantity]}.`,
  'quantity.reducedUnits': (p) =>
    `Эта система задана в приведённых единицах (${p.symbol}) без физического масштаба, поэтому ${q(p.text)} нельзя перевести. ` +
    `Введите просто число: ${p.quantity === 'temperature' ? 'температуру' : 'энергию'} в единицах ${p.symbol}, постоянная Больцмана принята за 1.`,

  'energyList.notText': (_, s) => `Список энергий должен быть текстом. ${s.energyListHint}`,
  'energyList.tooLong': (p) =>
    `Список энергий слишком длинный (${characters(p.length)}; предел — ${p.limit}).`,
  'energyList.empty': (_, s) => `Список энергий пуст. ${s.energyListHint}`,
  'energyList.tooManyEntries': (p) =>
    `В списке энергий ${count(p.count, 'запись', 'записи', 'записей')}; предел — ${p.limit}.`,
  'energyList.extraColon': (p, s) => `${entry(p)}: больше одного двоеточия «:». ${s.energyListHint}`,
  'energyList.noEnergy': (p, s) => `${entry(p)}: нет энергии перед «:». ${s.energyListHint}`,
  'energyList.notANumber': (p, s) => `${entry(p)} — не число. ${s.energyListHint}`,
  'energyList.energyTooLarge': (p) =>
    `${entry(p)}: слишком большое число; каждая энергия должна быть конечным числом.`,
  'energyList.noDegeneracy': (p, s) => `${entry(p)}: нет кратности вырождения после «:». ${s.energyListHint}`,
  'energyList.degeneracyNotANumber': (p, s) =>
    `${entry(p)}: кратность вырождения ${q(p.degeneracy)} — не число. ${s.energyListHint}`,
  'energyList.degeneracyTooLarge': (p) => `${entry(p)}: кратность вырождения слишком велика.`,
  'energyList.degeneracyNegative': (p) =>
    `${entry(p)}: кратность вырождения считает состояния, поэтому должна быть не меньше 0.`,
  'energyList.allDegeneraciesZero': () =>
    'Все кратности вырождения в списке равны 0, и ни на одном уровне нет состояний, которые можно занять. Хотя бы у одного уровня должно быть g > 0.',

  'preset.parametersNotObject': (p, s) =>
    `${presetLabels(s, p.preset).preset}: параметры нужно задать объектом.`,
  'preset.unknownParameter': (p, s) =>
    `${presetLabels(s, p.preset).preset}: нет параметра ${q(p.parameter)} (параметры: ${p.known.join(', ') || 'нет'}).`,
  'preset.parameterRange': (p, s) => {
    const names = presetLabels(s, p.preset, p.parameter);
    return `${names.preset}: ${names.parameter} должно быть ${p.integer ? 'целым числом' : 'числом'} от ${num(p.min)} до ${num(p.max)} (получено ${p.got}).`;
  },

  'spectrum.noLevels': () => 'В спектре нет уровней; задайте хотя бы одну энергию.',
  'spectrum.degeneracyCount': (p) =>
    `Энергий ${p.energies}, а кратностей вырождения ${p.degeneracies}; задайте по одной кратности на уровень.`,
  'spectrum.energyNaN': (p) => `Энергия уровня ${p.level} — не число.`,
  'spectrum.energyMinusInfinity': (p) =>
    `Энергия уровня ${p.level} равна −∞; энергии должны быть конечными (или +∞ для уровня, который никогда не заселяется).`,
  'spectrum.degeneracyNaN': (p) => `Кратность вырождения уровня ${p.level} — не число.`,
  'spectrum.degeneracyNegative': (p) =>
    `Кратность вырождения уровня ${p.level} равна ${num(p.value)}; кратности вырождения должны быть ≥ 0.`,
  'spectrum.degeneracyInfinite': (p) =>
    `Кратность вырождения уровня ${p.level} равна ∞; кратности вырождения должны быть конечными.`,
  'spectrum.nothingPopulated': () =>
    'Ни один уровень не может быть заселён: у каждого уровня бесконечная энергия или нулевая кратность вырождения, так что распределения нет.',
  'temperature.notANumber': (p) => `${p.beta ? 'Обратная температура β' : 'Температура'} — не число.`,
  'probabilities.none': () => 'Вероятностей нет; задайте хотя бы одну.',
  'probabilities.notANumber': (p) =>
    `Вероятность ${p.index} — не число; каждая вероятность должна быть конечным числом.`,
  'probabilities.negative': (p) =>
    `Вероятность ${p.index} равна ${num(p.value)}; вероятности не могут быть отрицательными.`,
  'probabilities.infinite': (p) =>
    `Вероятность ${p.index} равна ∞; каждая вероятность должна быть конечным числом.`,
  'probabilities.sum': (p) =>
    `Сумма вероятностей равна ${num(p.sum)}, а не 1 (допустимое отклонение ${num(p.tolerance)}).`,

  'particles.count': (p) => `Число частиц должно быть целым числом от 1 до 1e24; получено ${p.got}.`,
  'count.notWhole': (p) => `${COUNTED[p.what]} должно быть целым числом не меньше 0; получено ${p.got}.`,
  'alias.tooManyLevels': (p) =>
    `Таблица метода псевдонимов вмещает не больше ${p.limit} уровней; получено ${p.got}.`,
  'binomial.probability': (p) => `Вероятность успеха должна лежать между 0 и 1; получено ${p.got}.`,
  'einstein.tooManyOscillators': (p) =>
    `Твёрдое тело Эйнштейна двигает каждый осциллятор, поэтому допускает не больше ${p.limit} осцилляторов; получено ${p.got}.`,
  'einstein.oscillators': (p) =>
    `Число осцилляторов должно быть целым числом от 1 до ${p.limit}; получено ${p.got}.`,
  'einstein.quanta': (p) => `Число квантов должно быть целым числом от 0 до ${p.limit}; получено ${p.got}.`,
  'einstein.start': (p) =>
    `Неизвестное начальное состояние ${q(p.start)}; допустимы even, concentrated и equilibrium.`,
  'einstein.moves': (p) => `Число перемещений должно быть целым числом ≥ 0; получено ${p.got}.`,
  'einstein.histogramBin': (p) =>
    `Верхний столбец гистограммы должен быть целым числом от 0 до 10^7; получено ${p.got}.`,
  'heatBath.fraction': (p) =>
    `Доля частиц, разыгрываемых заново за шаг, должна быть больше 0 и не больше 1; получено ${p.got}.`,
  'metropolis.tooManyLevels': () => 'Слишком много уровней.',
  'metropolis.temperature': () => 'Температура должна быть числом.',
  'metropolis.sweeps': (p) =>
    `Число попыток перехода на частицу за шаг должно быть конечным числом больше 0; получено ${p.got}.`,
  'seed.range': (p) => `Зерно генератора должно быть целым числом от 0 до 4294967295; получено ${q(p.got)}.`,
  'setting.range': (p) =>
    `${SETTING_NAMES[p.setting]}: допустимо ${p.whole ? 'целое число' : 'число'} от ${num(p.min)} до ${num(p.max)}; получено ${p.got}.`,
  'dynamics.unknown': (p) =>
    `Неизвестная динамика ${q(p.got)}; возможны equilibrium, heat-bath, metropolis или einstein.`,
  'einstein.needsOscillator': (_, s) => s.einsteinNeedsOscillator,
  'temperature.negativeUnbounded': (_, s) => s.negativeTemperatureRefused,
  'unit.notForSystem': (p) => `Единица ${p.unit} не подходит для этой системы.`,
  'context.tooLong': (p) =>
    `Контекст может быть не длиннее ${num(p.limit)} ${plural(p.limit, 'символа', 'символов', 'символов')}.`,
  'source.nothingPasted': () => 'Сначала вставьте распределение.',
  'generation.temperatures': (p) =>
    `Задайте от 1 до ${p.columns} температур, каждую от −${num(p.limit)} до ${num(p.limit)}.`,
  'parallel.unknownSystem': (p) => `Неизвестная система ${q(p.got)}.`,
  'field.notANumber': (p) => `${p.label}: ${q(p.text)} — не число.`,
  'file.tooLarge': (p) => `Этот файл занимает ${num(p.megabytes)} МБ; предел — ${p.limit} МБ.`,

  'gguf.notGguf': (p) => `Это не файл модели GGUF.${p.hint ? GGUF_HINT[p.hint] : ''}`,
  'gguf.version': (p) =>
    `У этого файла GGUF версия формата ${p.got}; читаются версии ${p.supported.join(' и ')}.`,
  'gguf.truncated': (p) => {
    const [needed, size] = megabytePair(p.neededBytes, p.fileBytes);
    return p.inHeader
      ? `Файл обрывается внутри заголовка, после ${p.fileBytes < 1e6 ? count(p.fileBytes, 'байта', 'байт', 'байт') : `${size} МБ`}: он не докачан или обрезан.`
      : `Данным модели нужно ${needed} МБ, а в файле только ${size} МБ: он не докачан или обрезан.`;
  },
  'gguf.corrupt': (p) =>
    `Файл GGUF повреждён: ${GGUF_CORRUPTION[p.reason]}${p.at === null ? '' : ` (в ${q(p.at)})`}.`,
  'gguf.unknownTensorType': (p) =>
    `У тензора ${q(p.tensor)} тип ${p.type}, которого эта версия llama.cpp не знает.`,
  'gguf.noArchitecture': () => 'В этом файле GGUF не указано, какой архитектуры его модель.',
  'gguf.noVocabulary': () =>
    'В этом файле GGUF нет словаря (tokenizer.ggml.tokens), поэтому его токены нельзя показать.',

  'model.order': (p) => `Порядок модели должен быть целым числом от ${p.min} до ${p.max}; получено ${p.got}.`,
  'model.tooLarge': (p) =>
    `Файл модели занимает ${decimal(p.megabytes)} МБ, а llama.cpp в браузере загружает не больше ${p.limitMegabytes} МБ (один файл — меньше 2 ГиБ, а веса, кэш и рабочая память вместе — меньше 4 ГиБ, доступных WebAssembly во вкладке).`,
  'model.architecture': (p) =>
    `Архитектуру этой модели, ${q(p.architecture)}, эта сборка llama.cpp запускать не умеет.`,
  'model.outOfMemory': (p) =>
    `Вкладке не хватило памяти, чтобы загрузить модель в ${decimal(p.megabytes)} МБ; возьмите файл поменьше или с более сильным квантованием.`,
  'model.loadFailed': (p) =>
    `llama.cpp не смог загрузить этот файл${p.reason ? ` (сообщение llama.cpp: ${p.reason})` : ''}.`,
  'model.notLoaded': () => 'Модель не загружена: сначала откройте файл GGUF.',
  'model.contextFull': (p) =>
    `В контексте ${p.tokens} токенов, а модель загружена с окном на ${p.limit}. Сократите текст.`,
  'model.badDistribution': (p) =>
    `llama.cpp выдал вероятность, которая не является конечным числом (токен ${p.token}): логиты этой модели переполняют его softmax во float32.`,
  'model.runtimeFailed': (p) =>
    `Фоновый поток модели завершился с ошибкой${p.reason ? ` (${p.reason})` : ''}.`,
  'model.superseded': () => 'Этот запрос заменён более новым.',
  'download.badAddress': (p) => `${q(p.text)} — не веб-адрес (он должен начинаться с https://).`,
  'download.httpStatus': (p) => `Сервер ответил HTTP ${p.status} вместо того, чтобы отдать файл.`,
  'download.network': () =>
    'Скачать не удалось: сервер недоступен, соединение оборвалось или сервер не разрешает скачивание с других сайтов (CORS).',
  'download.cancelled': () => 'Скачивание отменено; ничего не сохранено.',
  'download.sizeMismatch': (p) =>
    `Скачивание оборвалось на ${grouped(p.received)} байтах из ${grouped(p.expected)}; ничего не сохранено.`,
  'download.notGguf': () => 'По этому адресу лежит не файл GGUF (его первые байты — не «GGUF»).',
  'storage.full': (p) =>
    `В хранилище браузера нет места для модели в ${decimal(p.megabytes)} МБ; удалите сохранённую модель или освободите место на диске.`,
  'storage.unavailable': () =>
    'Браузер не даёт странице файлового хранилища (приватный режим?), поэтому модели сохранить нельзя.',
  'storage.notFound': () => 'Этой модели в хранилище браузера уже нет.',
  'training.notText': () => 'Обучающий текст должен быть текстом.',
  'training.tooLong': (p) =>
    `В обучающем тексте ${p.millions.toFixed(1).replace('.', ',')} млн символов; предел — ${num(p.limit)} млн.`,
  'training.tooVaried': (p) =>
    `В этом тексте при таком порядке больше ${grouped(p.limit)} различных последовательностей символов; выберите порядок поменьше или текст покороче.`,
  'training.empty': () => 'Обучающий текст пуст.',
  'training.whitespace': () => 'В обучающем тексте одни пробелы и переносы строк.',
  'training.outOfMemory': () =>
    'Не хватает памяти, чтобы обучить эту модель; выберите порядок поменьше или текст покороче.',
  'training.unreceived': () => 'Не удалось получить обученную модель из фонового потока.',
  'training.workerFailed': (p) =>
    `Фоновый поток обучения завершился с ошибкой: ${p.reason ?? 'его не удалось запустить'}.`,
  'training.workerStopped': () => 'Фоновый поток обучения остановлен.',
  'corpus.unknown': (p) => `Встроенного текста ${q(p.id)} нет.`,
  'corpus.loadFailed': (p, s) =>
    `Не удалось загрузить текст ${q(s.corpusTitle(p.id, p.title))} (HTTP ${p.status}).`,
  'sampler.temperature': () =>
    'Температура должна быть числом (0 — жадное декодирование, 1 — модель как есть).',
  'sampler.topK': (p) => `top-k должно быть целым числом (0 выключает); получено ${p.got}.`,
  'sampler.topP': (p) => `top-p должно лежать в (0, 1] (1 выключает); получено ${p.got}.`,
  'sampler.minP': (p) => `min-p должно лежать в [0, 1] (0 выключает); получено ${p.got}.`,
  'sampler.typicalP': (p) => `typical-p должно лежать в (0, 1] (1 выключает); получено ${p.got}.`,
  'sampler.order': (p) =>
    `Порядок этапов сэмплера должен быть 'temperature-first' или 'temperature-last'; получено ${p.got}.`,
  'generation.tooMany': (p) =>
    `За один раз можно сгенерировать не больше ${p.limit} ${plural(p.limit, 'токена', 'токенов', 'токенов')}; запрошено ${p.got}.`,
  'generation.emptyVocabulary': () => 'Словарь пуст; генерировать нечего.',
  'generation.sizeMismatch': (p) =>
    `Модель выдала ${count(p.probabilities, 'вероятность', 'вероятности', 'вероятностей')} для словаря из ${p.vocabulary} ${plural(p.vocabulary, 'токена', 'токенов', 'токенов')}.`,

  'import.notText': () => 'Для импорта нужен текст.',
  'import.tooLarge': (p) =>
    `Текст занимает ${num(p.megabytes)} МБ; импортировать можно не больше ${p.limit} МБ.`,
  'import.nothing': () =>
    'Импортировать нечего. Вставьте JSON-объект «токен → вероятность» или ответ API с logprobs.',
  'import.notJson': (p) => {
    // A message no kind knows (another browser's parser) stays as that browser wrote it.
    const problem = p.problem === 'other' ? p.detail : JSON_PROBLEM[p.problem](p.detail, p.excerpt);
    const where =
      p.line !== null
        ? ` (строка ${p.line}, столбец ${p.column})`
        : p.position !== null
          ? ` (позиция ${p.position})`
          : '';
    return `Это некорректный JSON: ${problem}${where}.`;
  },
  'import.allZero': (p) =>
    `Все вероятности равны 0${p.logarithmic ? ' (все логарифмы вероятностей равны −∞)' : ''}; выбирать не из чего.`,
  'import.sumAboveOne': (p) =>
    `Сумма вероятностей равна ${num(p.sum)}${p.logarithmic ? ' (после перевода из логарифмов)' : ''}, это больше 1, поэтому это не могут быть вероятности разных токенов.` +
    (p.duplicates ? ' Некоторые токены встречаются несколько раз, и их вероятности сложены.' : ''),
  'import.tooDeep': (p) => `${p.path}: вложенность глубже, чем в любом поддерживаемом формате.`,
  'import.emptyList': (p) =>
    `${p.path === '' ? 'Список' : p.path} пуст: импортировать нечего.` +
    (p.askForAlternatives ? ' Запросите у API альтернативы (например, top_logprobs: 20).' : ''),
  'import.unexpectedValue': (p) =>
    `Ожидался JSON-объект (токен → вероятность) или список токенов с вероятностями, а найдено: ${described(p.found)}.`,
  'import.noChoices': (p) => `${p.path}: список пуст.`,
  'import.noLogprobs': (p) =>
    `${p.path}: ${described(p.found)}, в ответе нет логарифмов вероятностей. Запросите их у API (например, logprobs: true, top_logprobs: 20).`,
  'import.emptyMap': (p) => `${p.path === '' ? 'Объект' : p.path} пуст: токенов нет.`,
  'import.tooManyTokens': (p) => `Токенов ${p.count}; импортировать можно не больше ${p.limit}.`,
  'import.mixedSigns': (p) =>
    `Значение для ${p.token} равно ${num(p.value)}, а у ${p.negativeToken} — ${num(p.negativeValue)}: при отрицательных значениях это логарифмы вероятностей, а они не бывают больше 0.`,
  'import.aboveOne': (p) =>
    `Значение для ${p.token} равно ${num(p.value)}: это больше 1, значит, не вероятность, а логарифм вероятности не бывает больше 0. ` +
    'Укажите вероятности (от 0 до 1) или логарифмы вероятностей (0 или меньше).',
  'import.valueNotNumber': (p) =>
    `Значение для ${p.token}${inPath(p.path)}: ${described(p.found)}; ожидалась вероятность (от 0 до 1) или логарифм вероятности (0 или меньше).`,
  'import.entryNotObject': (p) =>
    `${place(p.at)}: ${described(p.found)}; ожидался объект вида {"token": "a", "logprob": -0.1} или {"tok_str": "a", "prob": 0.5}.`,
  'import.entryNoToken': (p) =>
    `${place(p.at)}: нет текста токена, ожидалась строка "token" (или "tok_str").`,
  'import.logprobNotNumber': (p) =>
    `Поле logprob у ${place(p.at, true)} (${p.token}): ${described(p.found)}; ожидалось число.`,
  'import.logprobPositive': (p) =>
    `Поле logprob у ${place(p.at, true)} (${p.token}) равно ${num(p.value)}; логарифм вероятности не бывает больше 0.`,
  'import.probNotNumber': (p) =>
    `Поле prob у ${place(p.at, true)} (${p.token}): ${described(p.found)}; ожидалось число.`,
  'import.probRange': (p) =>
    `Поле prob у ${place(p.at, true)} (${p.token}) равно ${num(p.value)}; вероятность лежит между 0 и 1.`,
  'import.entryNoValue': (p) => `${place(p.at)} (${p.token}): нет ни "logprob", ни "prob".`,
  'lesson.notObject': () => 'Это не урок: ожидался объект JSON с названием и слайдами.',
  'lesson.tooLarge': (p) => `Урок занимает ${p.kilobytes} КБ, а допускается не больше ${p.limit} КБ.`,
  'lesson.forbiddenKey': (p) => `В уроке есть недопустимый ключ ${q(p.key)}.`,
  'lesson.tooDeep': () => 'Вложенность в уроке гораздо глубже, чем бывает у любого урока.',
  'lesson.format': () => 'Это не урок этого приложения: его поле «format» не равно «boltzmann-lab-lesson».',
  'lesson.version': (p) =>
    `Урок записан в версии ${p.version}, а эта версия приложения читает версию ${p.supported}.`,
  'lesson.field': (p) =>
    `В уроке ${p.path ? `поле ${p.path}` : 'весь урок'} должно быть ${LESSON_FIELD_KIND[p.expected]}.`,
  'lesson.tooManySlides': (p) =>
    `В уроке ${count(p.count, 'слайд', 'слайда', 'слайдов')}, а допускается не больше ${p.limit}.`,
  'lesson.titleTooLong': (p) => `В названии ${characters(p.length)}, а допускается не больше ${p.limit}.`,
  'lesson.language': (p) => `Язык урока ${q(p.language)} — не «en» и не «ru».`,
  'lesson.unknownScreen': (p) =>
    `Слайд ${p.slide} показывает экран, которого в приложении нет: ${q(p.screen)}.`,
  'lesson.captionTooLong': (p) =>
    `Подпись слайда ${p.slide} содержит ${characters(p.length)}, а допускается не больше ${p.limit}.`,
  'lesson.viewTooLong': (p) =>
    `Настройки слайда ${p.slide} занимают ${characters(p.length)}, а допускается не больше ${p.limit}.`,
  'lesson.badView': (p) =>
    `В слайде ${p.slide} есть настройки, которые приложение не принимает: ${p.parameters.join(', ')}.`,
  'lesson.linkUnreadable': () => 'Урок в этой ссылке повреждён, и прочитать его нельзя.',
  'lesson.linkTooLong': (p) =>
    `Урок в этой ссылке занимает ${characters(p.length)}, а читается не больше ${p.limit}.`,
  'lesson.linkTooLarge': (p) =>
    `Урок из этой ссылки после распаковки занимает больше ${p.limit} КБ, а допускается не больше ${p.limit} КБ.`,
  'lesson.empty': () => 'В уроке ещё нет слайдов: сначала добавьте вид как слайд.',
  'lesson.notSaved': () =>
    'Браузер не сохранил уроки (его хранилище заполнено или отключено); чтобы не потерять их, выгрузите их в файл.',
};

export const notesRu: NoteTable = {
  'note.duplicates': (p) =>
    `${p.count} ${plural(p.count, 'запись повторяет', 'записи повторяют', 'записей повторяют')} уже встречавшийся текст токена (первый: ${p.first}); их вероятности сложены.`,
  'note.byteNamed': (p) =>
    p.count === 1
      ? 'У 1 токена нет полного текста в UTF-8 (это часть символа); он показан своими байтами, например <0xE2>.'
      : `У ${p.count} ${plural(p.count, 'токена', 'токенов', 'токенов')} нет полного текста в UTF-8 (это части символов); они показаны своими байтами, например <0xE2>.`,
  'note.coverage': (p) =>
    `${p.count === 1 ? 'Этот токен покрывает' : `Эти ${count(p.count, 'токен', 'токена', 'токенов')} покрывают`} ${num(p.percent)}% вероятности; ` +
    'остальное отброшено, а показанные вероятности перенормированы.',
  'note.rescaled': (p) =>
    `Сумма вероятностей равна ${num(p.sum)}, а не 1 (округление в источнике); они пересчитаны так, чтобы сумма была равна 1.`,
  'note.positions': (p) => {
    const positions =
      p.positions === 1 ? 'одну позицию' : count(p.positions, 'позицию', 'позиции', 'позиций');
    const chosen = p.chosen === null ? '' : ` (модель выбрала там ${p.chosen})`;
    return `${p.path === '' ? 'Список' : p.path} содержит ${positions}; показано распределение в первой${chosen}.`;
  },
  'note.choices': (p) =>
    `В ответе ${count(p.count, 'вариант', 'варианта', 'вариантов')} (choices); используется первый.`,
  'note.chosen': (p) => `В этой позиции модель выбрала ${p.token}.`,
  'source.map': (p) =>
    `JSON-объект «токен → ${p.logarithmic ? 'логарифм вероятности' : 'вероятность'}»${inPath(p.path)}`,
  'source.legacy': (p) => `вероятности из llama.cpp (старый сервер: tok_str, prob)${inPath(p.path)}`,
  'source.logprobList': (p) =>
    `список токенов с логарифмами вероятностей (OpenAI / llama.cpp top_logprobs)${inPath(p.path)}`,
  'source.probList': (p) => `список токенов с вероятностями (llama.cpp top_probs)${inPath(p.path)}`,
};
