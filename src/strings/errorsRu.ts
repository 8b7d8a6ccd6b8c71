/**
 * The engine's error messages (InputError, and the few the interface writes itself) in Russian. The engine
 * writes them in English for a person; this is an ordered list of patterns, each turning one message into
 * Russian while keeping what the message inserts (numbers, the person's own text, positions) as it was.
 * The first pattern that matches wins; a message no pattern knows is returned unchanged.
 *
 * The messages come from src/core/spectra (formula.ts, units.ts, energyList.ts, presets.ts),
 * src/core (distribution.ts, simulation.ts, alias.ts, multinomial.ts, binomial.ts, dynamics/*),
 * src/core/lm (ngram.ts, pipeline.ts, generation.ts, importDistribution.ts, whose notes and source
 * descriptions are translated here too), src/lm (training worker, corpora) and src/ui (seed, particle
 * count, sampler fields, file size). errorsRu.test.ts collects them by calling that code with bad input.
 */
import manifest from '../../assets/corpora/index.json';
import { ENERGY_LIST_SYNTAX, PRESETS } from '../core/spectra/index.ts';
// A cycle (ru.ts uses translateErrorRu), safe because both sides only call each other inside functions.
import { plural, ru } from './ru.ts';

export interface ErrorRule {
  pattern: RegExp;
  russian: (match: RegExpExecArray) => string;
}

const rule = (pattern: RegExp, russian: (match: RegExpExecArray) => string): ErrorRule => ({
  pattern,
  russian,
});

/** The person's text, quoted the Russian way. */
const q = (text: string) => `«${text}»`;
/** A decimal point written by the engine as a Russian decimal comma ("1.5" → "1,5"). */
const comma = (text: string) => text.replace(/(\d)\.(\d)/g, '$1,$2');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const count = (n: string, one: string, few: string, many: string) =>
  `${n} ${plural(Number(n), one, few, many)}`;
const characters = (n: string) => count(n, 'символ', 'символа', 'символов');
const levels = (n: string) => count(n, 'уровень', 'уровня', 'уровней');

// ---------------------------------------------------------------------------------------------
// Formulas
// ---------------------------------------------------------------------------------------------

const FORMULA_LABELS: Record<string, string> = {
  'Energy formula': 'Формула энергии',
  'Degeneracy formula': 'Формула кратности вырождения',
  Formula: 'Формула',
};
const FORMULA_LABEL = '(Energy formula|Degeneracy formula|Formula)';
const formulaLabel = (label: string) => FORMULA_LABELS[label] ?? label;

/** "Use the variable n and the constants pi, e, tau, phi." */
function variableHint(text: string): string {
  const match = /^Use (?:numbers|the variable (\S+)|the variables (.+?)) and the constants (.+)\.$/.exec(
    text,
  );
  if (!match) return text;
  const [, one, several, constants] = match;
  const what = one ? `переменную ${one}` : several ? `переменные ${several}` : 'числа';
  return `Используйте ${what} и константы ${constants}.`;
}

/** "1 argument", "2 arguments", "from 1 to 20 arguments", "1 or 2 arguments". */
function argumentCount(text: string): string {
  const word = (n: string) => plural(Number(n), 'аргумент', 'аргумента', 'аргументов');
  let match = /^from (\d+) to (\d+) arguments$/.exec(text);
  if (match) return `от ${match[1]} до ${match[2]} ${word(match[2])}`;
  match = /^(\d+) or (\d+) arguments$/.exec(text);
  if (match) return `${match[1]} или ${match[2]} ${word(match[2])}`;
  match = /^(\d+) arguments?$/.exec(text);
  if (match) return `${match[1]} ${word(match[1])}`;
  return text;
}

/** mathjs's parse errors, as formula.ts rewrites them (first letter lowered, position cut off). */
const PARSE_ERRORS: readonly ErrorRule[] = [
  rule(/^unexpected end of input$/, () => 'выражение неожиданно оборвалось'),
  rule(/^a closing parenthesis '\)' is missing$/, () => 'не хватает закрывающей скобки «)»'),
  rule(/^a value is expected$/, () => 'ожидается значение'),
  rule(/^digit expected, got "(.*)"$/s, (m) =>
    m[1] === '' ? 'ожидается цифра' : `ожидается цифра, а стоит «${m[1]}»`,
  ),
  rule(/^syntax error in part "(.*)"$/s, (m) => `синтаксическая ошибка в части «${m[1]}»`),
  rule(/^unexpected operator (.*)$/s, (m) => `неожиданный оператор ${m[1]}`),
  rule(/^unexpected part "(.*)"$/s, (m) => `неожиданная часть «${m[1]}»`),
  rule(
    /^invalid left hand side of assignment operator =$/,
    () => 'недопустимая левая часть присваивания «=»',
  ),
  rule(/^cannot assign to optional chain$/, () => 'нельзя присваивать значение необязательной цепочке'),
  rule(
    /^false part of conditional expression expected$/,
    () => 'ожидается ветвь «иначе» условного выражения',
  ),
  rule(
    /^the true-expression of a conditional operator may not be empty$/,
    () => 'ветвь «то» условного выражения не может быть пустой',
  ),
  rule(/^parenthesis \] expected$/, () => 'ожидается скобка «]»'),
  rule(/^property name expected after dot$/, () => 'после точки ожидается имя свойства'),
  rule(/^property name expected after optional chain$/, () => 'после «?.» ожидается имя свойства'),
  rule(/^invalid unicode character (.*)$/s, (m) => `недопустимый символ Юникода ${m[1]}`),
  rule(/^bad escape character (.*)$/s, (m) => `недопустимая escape-последовательность ${m[1]}`),
  rule(/^end of string (.) expected$/, (m) => `ожидается конец строки ${m[1]}`),
  rule(/^end of matrix \] expected$/, () => 'ожидается конец матрицы «]»'),
  rule(/^column dimensions mismatch (.*)$/s, (m) => `размеры столбцов не совпадают ${m[1]}`),
  rule(/^symbol or string expected as object key$/, () => 'ключом объекта должно быть имя или строка'),
  rule(/^colon : expected after object key$/, () => 'после ключа объекта ожидается двоеточие «:»'),
  rule(
    /^comma , or bracket \} expected after object value$/,
    () => 'после значения объекта ожидается запятая «,» или скобка «}»',
  ),
];

/** What formula.ts says after "Energy formula: ". */
const FORMULA_DETAILS: readonly ErrorRule[] = [
  rule(
    /^the formula is too long \(more than (\d+) parts\)\.$/,
    (m) => `формула слишком длинная (больше ${m[1]} частей).`,
  ),
  rule(
    /^the formula is nested too deeply \(more than (\d+) levels\)\.$/,
    (m) => `в формуле слишком глубокая вложенность (больше ${m[1]} уровней).`,
  ),
  rule(
    /^text in quotes is not allowed; a formula is made of numbers, n and functions\.$/,
    () => 'текст в кавычках недопустим: формула состоит из чисел, n и функций.',
  ),
  rule(
    /^'(.*)' is not allowed; only numbers are\.$/s,
    (m) => `${q(m[1])} недопустимо: разрешены только числа.`,
  ),
  rule(
    /^a number in the formula is infinite or too large to represent\.$/,
    () => 'число в формуле бесконечно или слишком велико.',
  ),
  rule(/^'(.*)' is a function: write (.*)\(…\)\.$/s, (m) => `${q(m[1])} — это функция: пишите ${m[2]}(…).`),
  rule(/^unknown name '(.*)'\. (Use .*)$/s, (m) => `неизвестное имя ${q(m[1])}. ${variableHint(m[2])}`),
  rule(/^comparisons \('<', '>', '=='\) are not allowed\.$/, () => 'сравнения («<», «>», «==») недопустимы.'),
  rule(/^comparisons \('(.*)'\) are not allowed\.$/s, (m) => `сравнения (${q(m[1])}) недопустимы.`),
  rule(
    /^the operator (?:'(.*)'|' \(transpose\)) is not allowed\. Allowed: (.*) % \(remainder\) and ! \(factorial\)\.$/s,
    (m) =>
      `оператор ${m[1] === undefined ? "' (транспонирование)" : q(m[1])} недопустим. Разрешены: ${m[2]} % (остаток) и ! (факториал).`,
  ),
  rule(
    /^only named functions such as sqrt\(n\) can be called\.$/,
    () => 'вызывать можно только функции по имени, например sqrt(n).',
  ),
  rule(
    /^'(.*)' is not a function; write a \* between factors\.$/s,
    (m) => `${q(m[1])} — не функция; ставьте * между множителями.`,
  ),
  rule(
    /^unknown function '(.*)'\. Allowed: (.*)\.$/s,
    (m) => `неизвестная функция ${q(m[1])}. Разрешены: ${m[2]}.`,
  ),
  rule(
    /^(\S+) takes (.+?), but was given (\d+)\.$/,
    (m) => `${m[1]} принимает ${argumentCount(m[2])}, а передано ${m[3]}.`,
  ),
  rule(
    /^property access and indexing \('\.' or '\[ \]'\) are not allowed\.$/,
    () => 'обращение к свойствам и индексы («.» или «[ ]») недопустимы.',
  ),
  rule(
    /^assignments \('='\) are not allowed; type only the expression, for example n\^2\.$/,
    () => 'присваивания («=») недопустимы; введите только выражение, например n^2.',
  ),
  rule(
    /^defining functions is not allowed; type only the expression, for example n\^2\.$/,
    () => 'определять функции нельзя; введите только выражение, например n^2.',
  ),
  rule(/^lists and matrices \('\[ \]'\) are not allowed\.$/, () => 'списки и матрицы («[ ]») недопустимы.'),
  rule(/^objects \('\{ \}'\) are not allowed\.$/, () => 'объекты («{ }») недопустимы.'),
  rule(
    /^only one expression is allowed \(no ';' or line breaks\)\.$/,
    () => 'допустимо только одно выражение (без «;» и переносов строк).',
  ),
  rule(/^ranges \('a:b'\) are not allowed\.$/, () => 'диапазоны («a:b») недопустимы.'),
  rule(/^conditions \('a \? b : c'\) are not allowed\.$/, () => 'условия («a ? b : c») недопустимы.'),
  rule(/^'(.*)' is not allowed\.$/s, (m) => `${q(m[1])} недопустимо.`),
  // A parse error, with the position where formula.ts found one.
  rule(/^(.*?)(?: at character (\d+))?\.$/s, (m) => {
    const text = translateWith(PARSE_ERRORS, m[1]);
    return `${text}${m[2] === undefined ? '' : ` (символ ${m[2]})`}.`;
  }),
];

const FORMULA_RULES: readonly ErrorRule[] = [
  rule(new RegExp(`^${FORMULA_LABEL} must be text\\.$`), (m) => `${formulaLabel(m[1])}: нужен текст.`),
  rule(
    new RegExp(`^${FORMULA_LABEL} is too long \\((\\d+) characters; the limit is (\\d+)\\)\\.$`),
    (m) => `${formulaLabel(m[1])} слишком длинная (${characters(m[2])}; предел — ${m[3]}).`,
  ),
  rule(
    /^Degeneracy formula is empty; type 1 if every level has a single state\.$/,
    () => 'Формула кратности вырождения пуста; введите 1, если у каждого уровня одно состояние.',
  ),
  rule(new RegExp(`^${FORMULA_LABEL} is empty\\.$`), (m) => `${formulaLabel(m[1])} пуста.`),
  rule(
    new RegExp(`^${FORMULA_LABEL}: (.*)$`, 's'),
    (m) => `${formulaLabel(m[1])}: ${translateWith(FORMULA_DETAILS, m[2])}`,
  ),
  rule(
    /^The first n must be a whole number \(got (.*)\)\.$/s,
    (m) => `Начальное n должно быть целым числом (получено ${m[1]}).`,
  ),
  rule(
    /^The last n must be a whole number \(got (.*)\)\.$/s,
    (m) => `Конечное n должно быть целым числом (получено ${m[1]}).`,
  ),
  rule(
    /^The first n \((.+?)\) must not be larger than the last n \((.+?)\)\.$/,
    (m) => `Начальное n (${m[1]}) не должно быть больше конечного n (${m[2]}).`,
  ),
  rule(
    /^Too many levels: n from (\S+) to (\S+) is (\d+) levels; the limit is (\d+)\.$/,
    (m) => `Слишком много уровней: n от ${m[1]} до ${m[2]} — это ${levels(m[3])}; предел — ${m[4]}.`,
  ),
  rule(
    /^The formulas took longer than (\d+) ms to evaluate over (\d+) levels; use fewer levels or a simpler formula\.$/,
    (m) =>
      `Вычисление формул для ${m[2]} ${plural(Number(m[2]), 'уровня', 'уровней', 'уровней')} заняло больше ${m[1]} мс; уменьшите число уровней или упростите формулу.`,
  ),
  rule(
    /^(Energy|Degeneracy) is not a real number at n = (\S+) \((.*)\)\.$/s,
    (m) =>
      `${m[1] === 'Energy' ? 'Энергия' : 'Кратность вырождения'} не является действительным числом при n = ${m[2]} (${m[3]}).`,
  ),
  rule(
    /^(Energy|Degeneracy) is not finite at n = (\S+) \((.*)\)\.$/s,
    (m) => `${m[1] === 'Energy' ? 'Энергия' : 'Кратность вырождения'} бесконечна при n = ${m[2]} (${m[3]}).`,
  ),
  rule(
    /^Degeneracy is negative \((.+?)\) at n = (\S+) \((.*)\); it counts states, so it must be 0 or more\.$/s,
    (m) =>
      `Кратность вырождения отрицательна (${m[1]}) при n = ${m[2]} (${m[3]}); она считает состояния, поэтому должна быть не меньше 0.`,
  ),
  rule(
    /^Every degeneracy is 0, so no level has any state to occupy\. At least one level needs g > 0\.$/,
    () =>
      'Все кратности вырождения равны 0, и ни на одном уровне нет состояний, которые можно занять. Хотя бы у одного уровня должно быть g > 0.',
  ),
];

// ---------------------------------------------------------------------------------------------
// Temperatures and energies with units
// ---------------------------------------------------------------------------------------------

const QUANTITY_NOUNS: Record<string, string> = { Temperature: 'Температура', Energy: 'Энергия' };
const QUANTITY_HINTS: Record<string, string> = {
  'type a temperature (300 K) or an energy (25 meV)': 'введите температуру (300 К) или энергию (25 мэВ)',
  'type an energy (25 meV, 1200 cm⁻¹) or a temperature (300 K)':
    'введите энергию (25 мэВ, 1200 см⁻¹) или температуру (300 К)',
};
const hint = (text: string) => QUANTITY_HINTS[text] ?? text;
const noun = (text: string) => QUANTITY_NOUNS[text] ?? text;

const DIMENSIONS: Record<string, string> = {
  'a length': 'длина',
  'a mass': 'масса',
  'a time': 'время',
  'an area': 'площадь',
  'a volume': 'объём',
  'a speed': 'скорость',
  'an acceleration': 'ускорение',
  'a force': 'сила',
  'a pressure': 'давление',
  'a power': 'мощность',
  'an electric current': 'сила тока',
  'a voltage': 'напряжение',
  'an electric charge': 'электрический заряд',
  'a resistance': 'сопротивление',
  'a magnetic field': 'магнитное поле',
  'an amount of substance': 'количество вещества',
  'an angle': 'угол',
  'an amount of information': 'количество информации',
  'a luminous intensity': 'сила света',
  'an entropy (or heat capacity)': 'энтропия (или теплоёмкость)',
  'an action (energy × time)': 'действие (энергия × время)',
  'an inverse temperature': 'обратная температура',
  'an inverse energy': 'обратная энергия',
  'a density': 'плотность',
  'a pure number (its units cancel)': 'безразмерное число (единицы сокращаются)',
};

const HINT = '(type .+)';
const QUANTITY_RULES: readonly ErrorRule[] = [
  rule(/^(Temperature|Energy) must be text\.$/, (m) => `${noun(m[1])}: нужен текст.`),
  rule(
    /^(Temperature|Energy) is too long \((\d+) characters; the limit is (\d+)\)\.$/,
    (m) => `${noun(m[1])}: слишком длинный текст (${characters(m[2])}; предел — ${m[3]}).`,
  ),
  rule(
    new RegExp(`^(Temperature|Energy) is empty; ${HINT}\\.$`),
    (m) => `${noun(m[1])} не указана; ${hint(m[2])}.`,
  ),
  rule(/^(Temperature|Energy) '(.*)' is too large\.$/s, (m) => `${noun(m[1])} ${q(m[2])} слишком велика.`),
  rule(
    /^(Temperature|Energy) must be finite \(got '(.*)'\)\.$/s,
    (m) => `${noun(m[1])} должна быть конечной (получено ${q(m[2])}).`,
  ),
  rule(
    /^'(.*)': write decimals with a point, for example 0\.5 or 2\.5 meV\.$/s,
    (m) => `${q(m[1])}: дробную часть отделяйте точкой, например 0.5 или 2.5 meV.`,
  ),
  rule(
    new RegExp(`^'(.*)' is not a number or a quantity; ${HINT}\\.$`, 's'),
    (m) => `${q(m[1])} — не число и не величина с единицей измерения; ${hint(m[2])}.`,
  ),
  rule(
    new RegExp(`^'(.*)' is not a number followed by a unit; ${HINT}\\.$`, 's'),
    (m) => `${q(m[1])} — не число с единицей измерения; ${hint(m[2])}.`,
  ),
  rule(
    /^Unknown unit '(.*)' in '(.*)'\.(?: Did you mean '(.*)'\?)? Try K, °C, meV, eV, cm⁻¹, THz, J or kJ\/mol\.$/s,
    (m) =>
      `Неизвестная единица ${q(m[1])} в ${q(m[2])}.${m[3] === undefined ? '' : ` Возможно, имелось в виду ${q(m[3])}?`} ` +
      'Попробуйте К, °С, мэВ, эВ, см⁻¹ (или см^-1, см-1), ТГц, Дж или кДж/моль; латинские K, °C, meV, cm⁻¹, THz тоже подходят.',
  ),
  rule(
    new RegExp(`^Cannot read the unit '(.*)' in '(.*)'; ${HINT}\\.$`, 's'),
    (m) => `Не удаётся прочитать единицу ${q(m[1])} в ${q(m[2])}; ${hint(m[3])}.`,
  ),
  rule(
    /^'(.*)' is below absolute zero\. A negative absolute temperature \(population inversion\) is written in kelvin, for example -300 K\.$/s,
    (m) =>
      `${q(m[1])} — ниже абсолютного нуля. Отрицательную абсолютную температуру (инверсию населённостей) записывают в кельвинах, например -300 K.`,
  ),
  rule(
    new RegExp(`^'(.*)' is neither a temperature nor an energy; ${HINT}\\.$`, 's'),
    (m) => `${q(m[1])} — не температура и не энергия; ${hint(m[2])}.`,
  ),
  rule(
    new RegExp(`^'(.*)' is (an? .+?); ${HINT}\\.$`, 's'),
    (m) => `${q(m[1])} — это ${DIMENSIONS[m[2]] ?? m[2]}; ${hint(m[3])}.`,
  ),
  rule(
    /^This system is in reduced units \((.+?)\) with no physical scale, so '(.*)' cannot be converted\. Type a plain number: the (temperature|energy) in units of (.+?) \(k_B = 1\)\.$/s,
    (m) =>
      `Эта система задана в приведённых единицах (${m[1]}) без физического масштаба, поэтому ${q(m[2])} нельзя перевести. ` +
      `Введите просто число: ${m[3] === 'temperature' ? 'температуру' : 'энергию'} в единицах ${m[4]} (k_B = 1).`,
  ),
];

// ---------------------------------------------------------------------------------------------
// Typed lists of energies, presets, the Boltzmann distribution and the simulation
// ---------------------------------------------------------------------------------------------

/** The syntax every list message repeats: the list field's own hint, read when a message is translated. */
const syntax = () => ru.energyListHint;
const SYNTAX = escapeRegExp(ENERGY_LIST_SYNTAX);
const ENTRY = "^Entry (\\d+) \\('(.*)'\\)";
const entry = (m: RegExpExecArray) => `Запись ${m[1]} (${q(m[2])})`;

const LIST_RULES: readonly ErrorRule[] = [
  rule(
    new RegExp(`^The energy list must be text\\. ${SYNTAX}$`),
    () => `Список энергий должен быть текстом. ${syntax()}`,
  ),
  rule(
    /^The energy list is too long \((\d+) characters; the limit is (\d+)\)\.$/,
    (m) => `Список энергий слишком длинный (${characters(m[1])}; предел — ${m[2]}).`,
  ),
  rule(new RegExp(`^The energy list is empty\\. ${SYNTAX}$`), () => `Список энергий пуст. ${syntax()}`),
  rule(
    /^The energy list has (\d+) entries; the limit is (\d+)\.$/,
    (m) => `В списке энергий ${count(m[1], 'запись', 'записи', 'записей')}; предел — ${m[2]}.`,
  ),
  rule(
    new RegExp(`${ENTRY} has more than one ':'\\. ${SYNTAX}$`, 's'),
    (m) => `${entry(m)}: больше одного двоеточия «:». ${syntax()}`,
  ),
  rule(
    new RegExp(`${ENTRY} has no energy before the ':'\\. ${SYNTAX}$`, 's'),
    (m) => `${entry(m)}: нет энергии перед «:». ${syntax()}`,
  ),
  rule(
    new RegExp(`${ENTRY} is not a number\\. ${SYNTAX}$`, 's'),
    (m) => `${entry(m)} — не число. ${syntax()}`,
  ),
  rule(
    new RegExp(`${ENTRY} is too large: every energy must be a finite number\\.$`, 's'),
    (m) => `${entry(m)}: слишком большое число; каждая энергия должна быть конечным числом.`,
  ),
  rule(
    new RegExp(`${ENTRY} has no degeneracy after the ':'\\. ${SYNTAX}$`, 's'),
    (m) => `${entry(m)}: нет кратности вырождения после «:». ${syntax()}`,
  ),
  rule(
    new RegExp(`${ENTRY}: the degeneracy '(.*)' is not a number\\. ${SYNTAX}$`, 's'),
    (m) => `${entry(m)}: кратность вырождения ${q(m[3])} — не число. ${syntax()}`,
  ),
  rule(
    new RegExp(`${ENTRY}: the degeneracy is too large\\.$`, 's'),
    (m) => `${entry(m)}: кратность вырождения слишком велика.`,
  ),
  rule(
    new RegExp(`${ENTRY}: the degeneracy counts states, so it must be 0 or more\\.$`, 's'),
    (m) => `${entry(m)}: кратность вырождения считает состояния, поэтому должна быть не меньше 0.`,
  ),
  rule(
    /^Every degeneracy in the list is 0, so no level has any state to occupy\. At least one level needs g > 0\.$/,
    () =>
      'Все кратности вырождения в списке равны 0, и ни на одном уровне нет состояний, которые можно занять. Хотя бы у одного уровня должно быть g > 0.',
  ),
];

/** A preset's Russian name, by the id the engine's message gives (read at call time: ru.ts and this module import each other). */
function presetName(id: string): string {
  const preset = PRESETS.find((candidate) => candidate.id === id);
  return preset ? ru.presets[preset.id].name : id;
}
/** A parameter's label (Δ, n_max), by the preset's and parameter's ids. */
function parameterLabel(presetId: string, parameterId: string): string {
  const preset = PRESETS.find((candidate) => candidate.id === presetId);
  const parameters: Readonly<Record<string, { label: string }>> | undefined =
    preset && ru.presets[preset.id].parameters;
  return parameters?.[parameterId]?.label ?? parameterId;
}
const PRESET_ID = `Preset (${PRESETS.map((preset) => escapeRegExp(preset.id)).join('|')})`;

const PRESET_RULES: readonly ErrorRule[] = [
  rule(
    new RegExp(`^${PRESET_ID}: parameters must be given as an object\\.$`),
    (m) => `${presetName(m[1])}: параметры нужно задать объектом.`,
  ),
  rule(
    new RegExp(`^${PRESET_ID} has no parameter '(.*)' \\(its parameters: (.*)\\)\\.$`, 's'),
    (m) => `${presetName(m[1])}: нет параметра ${q(m[2])} (параметры: ${m[3] === 'none' ? 'нет' : m[3]}).`,
  ),
  rule(
    new RegExp(
      `^${PRESET_ID}: (.+?) must be a (whole number|number) from (\\S+) to (\\S+) \\(got (.*)\\)\\.$`,
      's',
    ),
    (m) =>
      `${presetName(m[1])}: ${parameterLabel(m[1], m[2])} должно быть ${m[3] === 'number' ? 'числом' : 'целым числом'} от ${m[4]} до ${m[5]} (получено ${m[6]}).`,
  ),
];

const DISTRIBUTION_RULES: readonly ErrorRule[] = [
  rule(
    /^The spectrum has no levels; give at least one energy\.$/,
    () => 'В спектре нет уровней; задайте хотя бы одну энергию.',
  ),
  rule(
    /^There are (\d+) energies but (\d+) degeneracies; give one degeneracy per level\.$/,
    (m) => `Энергий ${m[1]}, а кратностей вырождения ${m[2]}; задайте по одной кратности на уровень.`,
  ),
  rule(/^Energy of level (\d+) is not a number\.$/, (m) => `Энергия уровня ${m[1]} — не число.`),
  rule(
    /^Energy of level (\d+) is −∞; energies must be finite \(or \+∞ for a level that is never populated\)\.$/,
    (m) =>
      `Энергия уровня ${m[1]} равна −∞; энергии должны быть конечными (или +∞ для уровня, который никогда не заселяется).`,
  ),
  rule(
    /^Degeneracy of level (\d+) is not a number\.$/,
    (m) => `Кратность вырождения уровня ${m[1]} — не число.`,
  ),
  rule(
    /^Degeneracy of level (\d+) is ∞; degeneracies must be finite\.$/,
    (m) => `Кратность вырождения уровня ${m[1]} равна ∞; кратности вырождения должны быть конечными.`,
  ),
  rule(
    /^Degeneracy of level (\d+) is (.+?); degeneracies must be ≥ 0\.$/,
    (m) => `Кратность вырождения уровня ${m[1]} равна ${m[2]}; кратности вырождения должны быть ≥ 0.`,
  ),
  rule(
    /^No level can be populated: every level has infinite energy or zero degeneracy, so there is no distribution\.$/,
    () =>
      'Ни один уровень не может быть заселён: у каждого уровня бесконечная энергия или нулевая кратность вырождения, так что распределения нет.',
  ),
  rule(/^Temperature is not a number\.$/, () => 'Температура — не число.'),
  rule(/^Inverse temperature β is not a number\.$/, () => 'Обратная температура β — не число.'),
  rule(/^There are no probabilities; give at least one\.$/, () => 'Вероятностей нет; задайте хотя бы одну.'),
  rule(
    /^Probability (\d+) is not a number; every probability must be a finite number\.$/,
    (m) => `Вероятность ${m[1]} — не число; каждая вероятность должна быть конечным числом.`,
  ),
  rule(
    /^Probability (\d+) is ∞; every probability must be a finite number\.$/,
    (m) => `Вероятность ${m[1]} равна ∞; каждая вероятность должна быть конечным числом.`,
  ),
  rule(
    /^Probability (\d+) is (.+?); probabilities cannot be negative\.$/,
    (m) => `Вероятность ${m[1]} равна ${m[2]}; вероятности не могут быть отрицательными.`,
  ),
  rule(
    /^The probabilities sum to (.+?), not 1 \(allowed difference (.+?)\)\.$/,
    (m) => `Сумма вероятностей равна ${m[1]}, а не 1 (допустимое отклонение ${m[2]}).`,
  ),
];

/** What alias.ts, multinomial.ts, binomial.ts and generation.ts count, in "The … must be a whole number". */
const COUNTED: Record<string, string> = {
  'number of draws': 'Число выборок',
  'number of particles': 'Число частиц',
  'number of trials': 'Число испытаний',
  'number of alternatives': 'Число альтернатив',
  'number of tokens to generate': 'Число токенов для генерации',
};

const SIMULATION_RULES: readonly ErrorRule[] = [
  rule(
    /^The number of particles must be a whole number from 1 to 1e24; got (.*)\.$/s,
    (m) => `Число частиц должно быть целым числом от 1 до 1e24; получено ${m[1]}.`,
  ),
  rule(
    /^The Einstein solid moves every oscillator, so it allows at most (\d+) of them; got (.*)\.$/,
    (m) =>
      `Твёрдое тело Эйнштейна двигает каждый осциллятор, поэтому допускает не больше ${m[1]} осцилляторов; получено ${m[2]}.`,
  ),
  rule(
    /^The number of oscillators must be a whole number from 1 to (\d+), got (.*)\.$/,
    (m) => `Число осцилляторов должно быть целым числом от 1 до ${m[1]}; получено ${m[2]}.`,
  ),
  rule(
    /^The number of quanta must be a whole number from 0 to (\d+), got (.*)\.$/,
    (m) => `Число квантов должно быть целым числом от 0 до ${m[1]}; получено ${m[2]}.`,
  ),
  rule(
    /^Unknown start "(.*)"; use even, concentrated or equilibrium\.$/s,
    (m) => `Неизвестное начальное состояние ${q(m[1])}; допустимы even, concentrated и equilibrium.`,
  ),
  rule(
    /^The number of moves must be a whole number ≥ 0, got (.*)\.$/,
    (m) => `Число перемещений должно быть целым числом ≥ 0; получено ${m[1]}.`,
  ),
  rule(
    /^The highest histogram bin must be a whole number from 0 to 10\^7, got (.*)\.$/,
    (m) => `Верхний столбец гистограммы должен быть целым числом от 0 до 10^7; получено ${m[1]}.`,
  ),
  rule(
    /^The fraction of particles redrawn per step must be above 0 and at most 1, got (.*)\.$/,
    (m) => `Доля частиц, разыгрываемых заново за шаг, должна быть больше 0 и не больше 1; получено ${m[1]}.`,
  ),
  rule(/^Too many levels\.$/, () => 'Слишком много уровней.'),
  rule(/^The temperature must be a number\.$/, () => 'Температура должна быть числом.'),
  rule(
    /^Sweeps per step must be a finite number above 0, got (.*)\.$/,
    (m) => `Число попыток перехода на частицу за шаг должно быть конечным числом больше 0; получено ${m[1]}.`,
  ),
  rule(
    /^The (number of \w+(?: \w+)*) must be a whole number, 0 or more; got (.*)\.$/s,
    (m) => `${COUNTED[m[1]] ?? m[1]} должно быть целым числом не меньше 0; получено ${m[2]}.`,
  ),
  rule(
    /^An alias table holds at most (\d+) levels; got (\d+)\.$/,
    (m) => `Таблица метода псевдонимов вмещает не больше ${m[1]} уровней; получено ${m[2]}.`,
  ),
  rule(
    /^The success probability must lie between 0 and 1; got (.*)\.$/,
    (m) => `Вероятность успеха должна лежать между 0 и 1; получено ${m[1]}.`,
  ),
  // Written by the interface (dynamicsControls.ts, samplerControls.ts, modelControls.ts).
  rule(
    /^The seed must be a whole number from 0 to 4294967295; got “(.*)”\.$/s,
    (m) => `Зерно генератора должно быть целым числом от 0 до 4294967295; получено ${q(m[1])}.`,
  ),
  rule(/^(.+?): “(.*)” is not a number\.$/s, (m) => `${m[1]}: ${q(m[2])} — не число.`),
  rule(
    /^That file is (\S+) MB; the limit is 10 MB\.$/,
    (m) => `Этот файл занимает ${comma(m[1])} МБ; предел — 10 МБ.`,
  ),
];

// ---------------------------------------------------------------------------------------------
// The language model: training, sampler settings, generation
// ---------------------------------------------------------------------------------------------

/** English corpus titles from the manifest, for the message about a text that did not load. */
function corpusTitle(english: string): string {
  const entry = manifest.find((candidate) => candidate.title === english);
  return entry ? ru.corpusTitle(entry.id, english) : english;
}

const MODEL_RULES: readonly ErrorRule[] = [
  rule(
    /^The model order must be a whole number from (\d+) to (\d+); got (.*)\.$/s,
    (m) => `Порядок модели должен быть целым числом от ${m[1]} до ${m[2]}; получено ${m[3]}.`,
  ),
  rule(/^The training text must be text\.$/, () => 'Обучающий текст должен быть текстом.'),
  rule(
    /^The training text has (\S+) million characters; the limit is (\S+) million\.$/,
    (m) => `В обучающем тексте ${comma(m[1])} млн символов; предел — ${comma(m[2])} млн.`,
  ),
  rule(
    /^This text has more than ([\d,]+) distinct character sequences at this order; choose a lower order or a shorter text\.$/,
    (m) =>
      `В этом тексте при таком порядке больше ${m[1].replace(/,/g, '\u202f')} различных последовательностей символов; выберите порядок поменьше или текст покороче.`,
  ),
  rule(/^The training text is empty\.$/, () => 'Обучающий текст пуст.'),
  rule(
    /^The training text has only whitespace\.$/,
    () => 'В обучающем тексте одни пробелы и переносы строк.',
  ),
  rule(
    /^There is not enough memory to train this model; choose a lower order or a shorter text\.$/,
    () => 'Не хватает памяти, чтобы обучить эту модель; выберите порядок поменьше или текст покороче.',
  ),
  rule(
    /^The trained model could not be received from the training worker\.$/,
    () => 'Не удалось получить обученную модель из фонового потока.',
  ),
  rule(
    /^The training worker failed: (.*)\.$/s,
    (m) =>
      `Фоновый поток обучения завершился с ошибкой: ${m[1] === 'it could not be started' ? 'его не удалось запустить' : m[1]}.`,
  ),
  rule(/^The training worker was stopped\.$/, () => 'Фоновый поток обучения остановлен.'),
  rule(/^No bundled text called (.*)\.$/s, (m) => `Встроенного текста ${q(m[1])} нет.`),
  rule(
    /^The text (.*) could not be loaded \(HTTP (\d+)\)\.$/s,
    (m) => `Не удалось загрузить текст ${q(corpusTitle(m[1]))} (HTTP ${m[2]}).`,
  ),
  // The sampler (pipeline.ts) and generation (generation.ts).
  rule(
    /^Temperature must be a number \(0 for greedy, 1 for the model as it is\)\.$/,
    () => 'Температура должна быть числом (0 — жадное декодирование, 1 — модель как есть).',
  ),
  rule(
    /^top-k must be a whole number \(0 turns it off\); got (.*)\.$/s,
    (m) => `top-k должно быть целым числом (0 выключает); получено ${m[1]}.`,
  ),
  rule(
    /^(top-p|min-p|typical-p) must be in ([([]0, 1\]) \(([01]) turns it off\); got (.*)\.$/s,
    (m) => `${m[1]} должно лежать в ${m[2]} (${m[3]} выключает); получено ${m[4]}.`,
  ),
  rule(
    /^The sampler order must be 'temperature-first' or 'temperature-last'; got (.*)\.$/s,
    (m) =>
      `Порядок этапов сэмплера должен быть 'temperature-first' или 'temperature-last'; получено ${m[1]}.`,
  ),
  rule(
    /^At most (\d+) tokens can be generated at once; (\d+) were asked for\.$/,
    (m) =>
      `За один раз можно сгенерировать не больше ${m[1]} ${plural(Number(m[1]), 'токена', 'токенов', 'токенов')}; запрошено ${m[2]}.`,
  ),
  rule(
    /^The vocabulary is empty; there is nothing to generate\.$/,
    () => 'Словарь пуст; генерировать нечего.',
  ),
  rule(
    /^The model gave (\d+) probabilities for a vocabulary of (\d+) tokens\.$/,
    (m) =>
      `Модель выдала ${count(m[1], 'вероятность', 'вероятности', 'вероятностей')} для словаря из ${m[2]} ${plural(Number(m[2]), 'токена', 'токенов', 'токенов')}.`,
  ),
];

// ---------------------------------------------------------------------------------------------
// Pasted distributions (importDistribution.ts): errors, notes and the description of the source
// ---------------------------------------------------------------------------------------------

/** importDistribution's describe(): "null", "a list", "the text "…"", a number, "an object", "a boolean". */
function described(text: string): string {
  if (text === 'a list') return 'список';
  if (text === 'an object') return 'объект';
  if (text === 'a boolean') return 'логическое значение';
  if (text === 'a undefined') return 'пусто';
  const quoted = /^the text (".*)$/s.exec(text);
  if (quoted) return `текст ${quoted[1]}`;
  return text;
}

/** "Entry 3" (a candidate in a top-level list) or a path such as "choices[0].logprobs.content[0]". */
const AT = '(Entry \\d+|.+?\\[\\d+\\])';
const at = (text: string, genitive = false) =>
  text.replace(/^Entry (\d+)$/, genitive ? 'записи $1' : 'запись $1');
const atCapital = (text: string) => text.replace(/^Entry (\d+)$/, 'Запись $1');
/** "The list" or "The object" at the top level, else the path where it was. */
const where = (text: string) => (text === 'The list' ? 'Список' : text === 'The object' ? 'Объект' : text);

/** V8's JSON.parse messages (Node and Chromium), with the line and column importDistribution adds. */
const JSON_PROBLEMS: readonly ErrorRule[] = [
  rule(/^Expected property name or '\}'$/, () => 'ожидается имя свойства или «}»'),
  rule(/^Expected double-quoted property name$/, () => 'ожидается имя свойства в двойных кавычках'),
  rule(/^Expected ',' or '\]' after array element$/, () => 'после элемента списка ожидается «,» или «]»'),
  rule(/^Expected ',' or '\}' after property value$/, () => 'после значения свойства ожидается «,» или «}»'),
  rule(/^Expected ':' after property name$/, () => 'после имени свойства ожидается «:»'),
  rule(/^Unterminated string$/, () => 'строка не закрыта кавычкой'),
  rule(/^Unexpected non-whitespace character after JSON$/, () => 'после JSON есть лишние символы'),
  rule(/^Unexpected end of JSON input$/, () => 'JSON неожиданно оборвался'),
  rule(/^Unexpected number$/, () => 'неожиданное число'),
  rule(/^Unexpected string$/, () => 'неожиданная строка'),
  rule(/^Bad control character in string literal$/, () => 'недопустимый управляющий символ в строке'),
  rule(/^No number after minus sign$/, () => 'после знака минус нет числа'),
  rule(/^Unterminated fractional number$/, () => 'у числа нет цифр после точки'),
  rule(/^Exponent part is missing a number$/, () => 'у показателя степени нет числа'),
  rule(/^Bad escaped character$/, () => 'недопустимая escape-последовательность'),
  rule(/^Bad Unicode escape$/, () => 'недопустимая escape-последовательность Юникода'),
  rule(
    /^Unexpected token '(.+?)', (.*) is not valid JSON$/s,
    (m) => `неожиданный символ «${m[1]}» в ${m[2]}`,
  ),
  rule(/^Unexpected token (.+?) in JSON$/s, (m) => `неожиданный символ ${m[1]}`),
  rule(/^(.*) is not valid JSON$/s, (m) => `${m[1]} — не JSON`),
];

function jsonProblem(message: string): string {
  let text = message;
  let place = '';
  // importDistribution adds "(line 2, column 5)"; newer V8 adds "(line 2 column 5)" itself.
  const lines = [...text.matchAll(/\s*\(line (\d+),? column (\d+)\)/g)];
  const last = lines.at(-1);
  if (last) {
    text = text.replace(/\s*\(line \d+,? column \d+\)/g, '');
    place = `строка ${last[1]}, столбец ${last[2]}`;
  }
  const position = / (?:in JSON )?at position (\d+)$/.exec(text);
  if (position) {
    text = text.slice(0, position.index);
    if (place === '') place = `позиция ${position[1]}`;
  }
  const translated = translateWith(JSON_PROBLEMS, text);
  return place === '' ? translated : `${translated} (${place})`;
}

const IMPORT_RULES: readonly ErrorRule[] = [
  rule(/^Expected text to import\.$/, () => 'Для импорта нужен текст.'),
  rule(
    /^The text is (\S+) MB; at most 20 MB can be imported\.$/,
    (m) => `Текст занимает ${comma(m[1])} МБ; импортировать можно не больше 20 МБ.`,
  ),
  rule(
    /^There is nothing to import\. Paste a JSON object of token → probability, or an API response with logprobs\.$/,
    () => 'Импортировать нечего. Вставьте JSON-объект «токен → вероятность» или ответ API с logprobs.',
  ),
  rule(/^This is not valid JSON: (.*)$/s, (m) => `Это некорректный JSON: ${jsonProblem(m[1])}.`),
  rule(
    /^Every probability is 0( \(the log-probabilities are all −∞\))?; there is nothing to sample\.$/,
    (m) =>
      `Все вероятности равны 0${m[1] ? ' (все логарифмы вероятностей равны −∞)' : ''}; выбирать не из чего.`,
  ),
  rule(
    /^The probabilities add up to (\S+)( \(after converting the log-probabilities\))?, more than 1, so they cannot be the probabilities of different tokens\.( Some tokens were listed more than once and their probabilities added\.)?$/,
    (m) =>
      `Сумма вероятностей равна ${m[1]}${m[2] ? ' (после перевода из логарифмов)' : ''}, это больше 1, поэтому это не могут быть вероятности разных токенов.` +
      (m[3] ? ' Некоторые токены встречаются несколько раз, и их вероятности сложены.' : ''),
  ),
  rule(
    /^(.*) is nested deeper than any supported format\.$/s,
    (m) => `${m[1]}: вложенность глубже, чем в любом поддерживаемом формате.`,
  ),
  rule(
    /^(.*?) is empty: there are no tokens to import\.( Ask the API for alternatives \(for example top_logprobs: 20\)\.)?$/s,
    (m) =>
      `${where(m[1])} пуст: импортировать нечего.${m[2] ? ' Запросите у API альтернативы (например, top_logprobs: 20).' : ''}`,
  ),
  rule(
    /^Expected a JSON object \(token → probability\) or a list of tokens with probabilities; found (.*)\.$/s,
    (m) =>
      `Ожидался JSON-объект (токен → вероятность) или список токенов с вероятностями, а найдено: ${described(m[1])}.`,
  ),
  rule(/^(.*choices) is empty\.$/s, (m) => `${m[1]}: список пуст.`),
  rule(
    /^(.*logprobs) is (.*): the response has no log-probabilities\. Ask the API for them \(for example logprobs: true, top_logprobs: 20\)\.$/s,
    (m) =>
      `${m[1]}: ${described(m[2])}, в ответе нет логарифмов вероятностей. Запросите их у API (например, logprobs: true, top_logprobs: 20).`,
  ),
  rule(/^(.*?) is empty: there are no tokens\.$/s, (m) => `${where(m[1])} пуст: токенов нет.`),
  rule(
    /^There are (\d+) tokens; at most (\d+) can be imported\.$/,
    (m) => `Токенов ${m[1]}; импортировать можно не больше ${m[2]}.`,
  ),
  rule(
    /^The value for (".*") is (\S+), but (".*") has (\S+): with negative values these read as log-probabilities, which are never above 0\.$/s,
    (m) =>
      `Значение для ${m[1]} равно ${m[2]}, а у ${m[3]} — ${m[4]}: при отрицательных значениях это логарифмы вероятностей, а они не бывают больше 0.`,
  ),
  rule(
    /^The value for (".*") is (\S+): above 1, so not a probability, and log-probabilities are never above 0\. Give probabilities \(0 to 1\) or log-probabilities \(0 or less\)\.$/s,
    (m) =>
      `Значение для ${m[1]} равно ${m[2]}: это больше 1, значит, не вероятность, а логарифм вероятности не бывает больше 0. ` +
      'Укажите вероятности (от 0 до 1) или логарифмы вероятностей (0 или меньше).',
  ),
  rule(
    /^The value for (".*?")(?: in (.+?))? is (.*); expected a probability \(0 to 1\) or a log-probability \(0 or less\)\.$/s,
    (m) =>
      `Значение для ${m[1]}${m[2] ? ` в ${m[2]}` : ''}: ${described(m[3])}; ожидалась вероятность (от 0 до 1) или логарифм вероятности (0 или меньше).`,
  ),
  rule(
    new RegExp(
      `^${AT} is (.*); expected an object like \\{"token": "a", "logprob": -0\\.1\\} or \\{"tok_str": "a", "prob": 0\\.5\\}\\.$`,
      's',
    ),
    (m) =>
      `${atCapital(m[1])}: ${described(m[2])}; ожидался объект вида {"token": "a", "logprob": -0.1} или {"tok_str": "a", "prob": 0.5}.`,
  ),
  rule(
    new RegExp(`^${AT} has no token text: expected a "token" \\(or "tok_str"\\) string\\.$`, 's'),
    (m) => `${atCapital(m[1])}: нет текста токена, ожидалась строка "token" (или "tok_str").`,
  ),
  rule(
    new RegExp(`^The (logprob|prob) of ${AT} \\((".*")\\) is (.*); expected a number\\.$`, 's'),
    (m) => `Поле ${m[1]} у ${at(m[2], true)} (${m[3]}): ${described(m[4])}; ожидалось число.`,
  ),
  rule(
    new RegExp(`^The logprob of ${AT} \\((".*")\\) is (\\S+); log-probabilities are never above 0\\.$`, 's'),
    (m) =>
      `Поле logprob у ${at(m[1], true)} (${m[2]}) равно ${m[3]}; логарифм вероятности не бывает больше 0.`,
  ),
  rule(
    new RegExp(`^The prob of ${AT} \\((".*")\\) is (\\S+); probabilities lie between 0 and 1\\.$`, 's'),
    (m) => `Поле prob у ${at(m[1], true)} (${m[2]}) равно ${m[3]}; вероятность лежит между 0 и 1.`,
  ),
  rule(
    new RegExp(`^${AT} \\((".*")\\) has neither a "logprob" nor a "prob"\\.$`, 's'),
    (m) => `${atCapital(m[1])} (${m[2]}): нет ни "logprob", ни "prob".`,
  ),
  // Notes shown under a pasted distribution.
  rule(
    /^(\d+) (?:entry repeats|entries repeat) a token text already listed \(first: (".*")\); their probabilities were added together\.$/s,
    (m) =>
      `${m[1]} ${plural(Number(m[1]), 'запись повторяет', 'записи повторяют', 'записей повторяют')} уже встречавшийся текст токена (первый: ${m[2]}); их вероятности сложены.`,
  ),
  rule(
    /^1 token has no complete UTF-8 text \(it is part of a character\); it is shown by its bytes, like <0xE2>\.$/,
    () =>
      'У 1 токена нет полного текста в UTF-8 (это часть символа); он показан своими байтами, например <0xE2>.',
  ),
  rule(
    /^(\d+) tokens have no complete UTF-8 text \(they are parts of characters\); they are shown by their bytes, like <0xE2>\.$/,
    (m) =>
      `У ${m[1]} ${plural(Number(m[1]), 'токена', 'токенов', 'токенов')} нет полного текста в UTF-8 (это части символов); они показаны своими байтами, например <0xE2>.`,
  ),
  rule(
    /^(?:This token covers|These (\d+) tokens cover) (\S+)% of the probability; the rest is left out and the shown probabilities are renormalised\.$/,
    (m) =>
      `${m[1] === undefined ? 'Этот токен покрывает' : `Эти ${count(m[1], 'токен', 'токена', 'токенов')} покрывают`} ${comma(m[2])}% вероятности; ` +
      'остальное отброшено, а показанные вероятности перенормированы.',
  ),
  rule(
    /^The probabilities add up to (\S+) rather than 1 \(rounding in the source\); they were rescaled to sum to 1\.$/,
    (m) =>
      `Сумма вероятностей равна ${m[1]}, а не 1 (округление в источнике); они пересчитаны так, чтобы сумма была равна 1.`,
  ),
  rule(
    /^(.*?) holds (one position|\d+ positions); the distribution at the first is shown(?: \(the model chose (".*") there\))?\.$/s,
    (m) => {
      const positions =
        m[2] === 'one position' ? 'одну позицию' : count(m[2].split(' ')[0], 'позицию', 'позиции', 'позиций');
      const chosen = m[3] === undefined ? '' : ` (модель выбрала там ${m[3]})`;
      return `${where(m[1])} содержит ${positions}; показано распределение в первой${chosen}.`;
    },
  ),
  rule(
    /^The response has (\d+) choices; the first is used\.$/,
    (m) => `В ответе ${count(m[1], 'вариант', 'варианта', 'вариантов')} (choices); используется первый.`,
  ),
  rule(/^The model chose (".*") at this position\.$/s, (m) => `В этой позиции модель выбрала ${m[1]}.`),
  // What was recognised, shown after the token count.
  rule(
    /^JSON object, token → (log-probability|probability)(?: at (.*))?$/s,
    (m) =>
      `JSON-объект «токен → ${m[1] === 'probability' ? 'вероятность' : 'логарифм вероятности'}»${m[2] ? ` в ${m[2]}` : ''}`,
  ),
  rule(
    /^llama\.cpp completion probabilities \(older server: tok_str, prob\)(?: at (.*))?$/s,
    (m) => `вероятности из llama.cpp (старый сервер: tok_str, prob)${m[1] ? ` в ${m[1]}` : ''}`,
  ),
  rule(
    /^list of tokens with log-probabilities \(OpenAI \/ llama\.cpp top_logprobs\)(?: at (.*))?$/s,
    (m) =>
      `список токенов с логарифмами вероятностей (OpenAI / llama.cpp top_logprobs)${m[1] ? ` в ${m[1]}` : ''}`,
  ),
  rule(
    /^list of tokens with probabilities \(llama\.cpp top_probs\)(?: at (.*))?$/s,
    (m) => `список токенов с вероятностями (llama.cpp top_probs)${m[1] ? ` в ${m[1]}` : ''}`,
  ),
];

/** Every rule, in the order they are tried. */
export const ERROR_RULES: readonly ErrorRule[] = [
  ...FORMULA_RULES,
  ...QUANTITY_RULES,
  ...LIST_RULES,
  ...PRESET_RULES,
  ...DISTRIBUTION_RULES,
  ...SIMULATION_RULES,
  ...MODEL_RULES,
  ...IMPORT_RULES,
];

function translateWith(rules: readonly ErrorRule[], message: string): string {
  for (const candidate of rules) {
    const match = candidate.pattern.exec(message);
    if (match) return candidate.russian(match);
  }
  return message;
}

/** An engine message in Russian; a message no rule knows comes back unchanged. */
export function translateErrorRu(message: string): string {
  return translateWith(ERROR_RULES, message);
}
