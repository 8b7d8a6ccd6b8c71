/**
 * The "How it works" page as data, in English and Russian: what the app computes and how, for teachers
 * and students. Paragraphs are plain text (inline formulas written as text); `formulas` are the same in
 * both languages and are shown as code, after the section's first paragraph unless `formulasAfter` says otherwise.
 */
import type { LocalizedText } from '../../story/storySteps.ts';

export type HowItWorksLanguage = 'en' | 'ru';

export interface HowItWorksSection {
  /** Unique, usable as part of an HTML id. */
  id: string;
  heading: LocalizedText;
  /** The same number of paragraphs in each language: one is the translation of the other. */
  paragraphs: { en: string[]; ru: string[] };
  /** Displayed formulas, language-neutral. */
  formulas?: string[];
  /** How many paragraphs come before the formulas: 1 unless given (0 puts them first). */
  formulasAfter?: number;
}

export const HOW_IT_WORKS_TITLE: LocalizedText = {
  en: 'How it works',
  ru: 'Как это устроено',
};

export const HOW_IT_WORKS_CONTENTS_LABEL: LocalizedText = {
  en: 'Contents',
  ru: 'Содержание',
};

export const HOW_IT_WORKS_INTRO: LocalizedText = {
  en:
    'Boltzmann Lab shows one formula from two sides: the Boltzmann distribution of a physical system, ' +
    'and sampling the next token of a language model with a temperature. This page says what the app computes, ' +
    'how it does so, and where it approximates.',
  ru:
    'Boltzmann Lab показывает одну формулу с двух сторон: распределение Больцмана для физической системы ' +
    'и выбор следующего токена языковой моделью с температурой. Здесь описано, что вычисляет приложение, ' +
    'как оно это делает и где допускает приближения.',
};

export const HOW_IT_WORKS_SECTIONS: readonly HowItWorksSection[] = [
  {
    id: 'model',
    heading: {
      en: 'The model: levels, degeneracy and the Boltzmann distribution',
      ru: 'Модель: уровни, вырождение и распределение Больцмана',
    },
    paragraphs: {
      en: [
        'A system has energy levels E_i. A level can hold several distinct states of the same energy; ' +
          'their number g_i is the degeneracy of the level: a rotor’s level J has 2J + 1 states, ' +
          'a hydrogen shell n has 2n². In contact with a large reservoir at temperature T, the system is in a given state ' +
          'with probability proportional to e^(−E/T), so a whole level has the probability p_i below. ' +
          'The normalising sum Z is the partition function.',
        'Temperature is measured in units of energy: the app sets Boltzmann’s constant k_B = 1, so T stands for k_B·T. ' +
          'Model systems (two and three levels, the oscillator, the boxes) have their own energy unit, such as ε or ħω, ' +
          'and take plain numbers. Systems with a physical scale (the rotation and vibration of CO, hydrogen) also take ' +
          'units: 300 K, 20 °C, 25 meV, 0.1 eV, 1200 cm⁻¹, 2 THz or 2.5 kJ/mol. Type inf for an infinite temperature.',
        'Adding the same constant to every energy changes nothing: it multiplies every term of Z, ' +
          'and Z itself, by the same factor.',
      ],
      ru: [
        'Система имеет уровни энергии E_i. На одном уровне может быть несколько различных состояний с одной и той же энергией; ' +
          'их число g_i называется кратностью вырождения уровня. Например, уровень ротатора с квантовым числом J ' +
          'содержит 2J + 1 состояний, а оболочка атома водорода с номером n — 2n². В контакте с большим резервуаром (термостатом) при температуре T система ' +
          'находится в данном состоянии с вероятностью, пропорциональной e^(−E/T), поэтому вероятность целого уровня равна p_i ' +
          '(формула ниже). Нормирующая сумма Z называется статистической суммой.',
        'Температура измеряется в единицах энергии: в приложении постоянная Больцмана k_B = 1, так что T означает k_B·T. ' +
          'Модельные системы (двух- и трёхуровневая, осциллятор, ящики) используют собственную единицу энергии, например ε или ħω, ' +
          'и принимают просто числа. Системы с физическим масштабом (вращение и колебания молекулы CO, водород) принимают ' +
          'и единицы, набранные латиницей: «300 K», «20 °C», «25 meV», «0.1 eV», «1200 cm⁻¹», «2 THz» или «2.5 kJ/mol». ' +
          'Бесконечная температура вводится как «inf».',
        'Если прибавить одну и ту же постоянную ко всем энергиям, ничего не изменится: ' +
          'каждое слагаемое Z, а с ним и вся сумма, умножится на один и тот же множитель.',
      ],
    },
    formulas: ['p_i = g_i · e^(−E_i/T) / Z', 'Z = Σ_i g_i · e^(−E_i/T)', 'k_B = 8.617333262 × 10⁻⁵ eV/K'],
  },
  {
    id: 'limits',
    heading: {
      en: 'Cold, hot and negative temperatures',
      ru: 'Низкие, высокие и отрицательные температуры',
    },
    paragraphs: {
      en: [
        'As T → 0 all the probability goes to the lowest level; if several levels tie for the lowest energy, ' +
          'they share it in proportion to their g. As T → ±∞ every state becomes equally likely, so p_i ∝ g_i.',
        'For T < 0 the factor e^(−E/T) grows with energy: upper levels are more populated than lower ones, ' +
          'a population inversion. This needs a spectrum bounded above, so the app allows negative temperatures only for ' +
          'finite spectra: the two- and three-level systems, a formula or a list of energies. ' +
          'An infinite ladder that is only cut off for display does not qualify.',
        'The quantity that changes smoothly is β = 1/T. It runs from +∞ (coldest) through 0 (T = ±∞) to −∞, ' +
          'so negative temperatures are hotter than any positive one, not colder.',
      ],
      ru: [
        'При T → 0 вся вероятность переходит на нижний уровень; если наименьшую энергию имеют несколько уровней, ' +
          'она делится между ними пропорционально их g. При T → ±∞ все состояния становятся равновероятными, и p_i ∝ g_i.',
        'При T < 0 множитель e^(−E/T) растёт с энергией: верхние уровни заселены сильнее нижних, ' +
          'это инверсная заселённость. Для неё спектр должен быть ограничен сверху, поэтому отрицательная температура ' +
          'допускается только для конечных спектров: двух- и трёхуровневой систем, формулы или списка энергий. ' +
          'Бесконечная лесенка, обрезанная лишь для показа, не подходит.',
        'Плавно меняется величина β = 1/T. Она проходит от +∞ (самое холодное) через 0 (T = ±∞) к −∞, ' +
          'поэтому отрицательные температуры горячее любой положительной, а не холоднее.',
      ],
    },
    formulas: ['T → 0⁺:  p_i → 0  (E_i > E_min)', 'T → ±∞:  p_i → g_i / Σ_j g_j', 'β = 1/T:  +∞ → 0 → −∞'],
  },
  {
    id: 'formulas',
    heading: {
      en: 'The formulas',
      ru: 'Формулы',
    },
    paragraphs: {
      en: [
        'With k_B = 1, the app computes these for the current temperature T:',
        'U is the mean energy per particle. C is the heat capacity per particle in units of k_B, ' +
          'from the fluctuation formula: a system whose energy fluctuates a lot absorbs heat easily. ' +
          'S is the Gibbs entropy over states, in units of k_B, and e^S is the effective number of occupied states. ' +
          'F is the free energy.',
        'Two checks to make on screen: the heat capacity of the two-level system peaks at C ≈ 0.44 near T ≈ 0.42·Δ ' +
          '(the Schottky anomaly), and the heat capacity of the oscillator approaches 1 as T grows, ' +
          'as long as T stays well below the energy of its top level.',
      ],
      ru: [
        'При k_B = 1 приложение вычисляет для текущей температуры T:',
        'U — средняя энергия на частицу. C — теплоёмкость на частицу в единицах k_B, ' +
          'по флуктуационной формуле: система, энергия которой сильно флуктуирует, легко поглощает теплоту. ' +
          'S — энтропия Гиббса по состояниям в единицах k_B, а e^S — эффективное число занятых состояний. ' +
          'F — свободная энергия.',
        'Две проверки на экране: теплоёмкость двухуровневой системы достигает максимума C ≈ 0,44 около T ≈ 0,42·Δ ' +
          '(аномалия Шоттки), а теплоёмкость осциллятора стремится к 1 с ростом T, ' +
          'пока T много меньше энергии его верхнего уровня.',
      ],
    },
    formulas: [
      'p_i = g_i · e^(−E_i/T) / Z,   Z = Σ_i g_i · e^(−E_i/T)',
      'U = ⟨E⟩ = Σ_i p_i E_i',
      'C = (⟨E²⟩ − ⟨E⟩²) / T²',
      'S = −Σ_i p_i ln(p_i / g_i) = ln Z + U/T',
      'F = U − T·S = −T ln Z',
    ],
  },
  {
    id: 'sampler',
    heading: {
      en: 'The sampler: temperature is the Boltzmann distribution',
      ru: 'Сэмплер: температура — это распределение Больцмана',
    },
    paragraphs: {
      en: [
        'A language model gives the next token probabilities p_i (or logits l_i, with p = softmax(l)). ' +
          'Give each token the energy E_i = −ln p_i, its surprise. Sampling at temperature t draws from ' +
          "p'_i = softmax(ln p_i / t), which is the Boltzmann distribution of those energies at T = t with every g = 1. " +
          'The same engine draws the particles and the tokens.',
        't = 1 returns the model’s own distribution. t = 0 is greedy decoding: the most likely token, ' +
          'the first of them if several tie. t = ∞ is uniform over the tokens with p > 0. t < 0, which no mainstream ' +
          'sampler allows, puts the least likely tokens first. A token with p = 0 has E = ∞ and is never drawn.',
        'Top-k keeps the k most likely tokens; top-p keeps the fewest most likely tokens whose probabilities add up to at least ' +
          'top_p; min-p keeps the tokens whose probability is at least min_p times the largest; typical-p keeps the tokens ' +
          'whose surprise is closest to the entropy, until they hold a fraction typical_p of the probability. ' +
          'Every removed token is a level with g = 0: it stays on the ladder but is empty at every temperature.',
        'The order of the stages matters. Hugging Face transformers applies temperature first, then top-k, top-p, ' +
          'min-p and typical-p, so the truncation sees the reshaped distribution; vLLM also applies temperature first. ' +
          'llama.cpp applies temperature last, so which tokens survive does not depend on t. The app offers both orders. ' +
          'Where the libraries treat ties differently, each order follows its own: at top-k, transformers keeps every token ' +
          'tied with the k-th, llama.cpp exactly k.',
        'The entropy of the next token H = −Σ p ln p (in nats; divide by ln 2 for bits) and the perplexity e^H, ' +
          'the effective number of choices, are the S and e^S of the physics screen.',
      ],
      ru: [
        'Языковая модель задаёт вероятности следующего токена p_i (или логиты l_i, так что p = softmax(l)). ' +
          'Припишем каждому токену энергию E_i = −ln p_i — его «неожиданность». Сэмплирование, то есть случайный выбор токена, ' +
          "с температурой t берёт токен из распределения p'_i = softmax(ln p_i / t), а это распределение Больцмана " +
          'для этих энергий при T = t и всех g = 1. Частицы и токены разыгрывает один и тот же движок.',
        't = 1 возвращает распределение самой модели. t = 0 — жадное декодирование: выбирается самый вероятный токен, ' +
          'а при равенстве — первый из самых вероятных. t = ∞ даёт равномерное распределение по токенам с p > 0. ' +
          't < 0, чего не допускает ни один распространённый сэмплер, ставит на первое место наименее вероятные токены. ' +
          'Токен с p = 0 имеет E = ∞ и не выбирается никогда.',
        'Top-k оставляет k самых вероятных токенов; top-p — наименьший набор самых вероятных токенов с суммарной ' +
          'вероятностью не меньше top_p; min-p — токены, вероятность которых не меньше min_p, умноженного на наибольшую; ' +
          'typical-p — токены, чья неожиданность ближе всего к энтропии, пока на них не придётся доля typical_p вероятности. ' +
          'Каждый убранный токен — это уровень с g = 0: он остаётся на лесенке, но пуст при любой температуре.',
        'Порядок этапов важен. Hugging Face transformers применяет температуру первой, затем top-k, top-p, min-p ' +
          'и typical-p, так что отсечение видит уже изменённое распределение; vLLM тоже применяет температуру первой. ' +
          'llama.cpp применяет температуру последней, поэтому набор оставшихся токенов от t не зависит. ' +
          'В приложении есть оба порядка. Там, где библиотеки по-разному обходятся с равными вероятностями, каждый порядок ' +
          'следует своей: в top-k transformers оставляет все токены, равные k-му, а llama.cpp — ровно k.',
        'Энтропия следующего токена H = −Σ p ln p (в натах; для битов её делят на ln 2) и перплексия e^H, ' +
          'эффективное число вариантов выбора, — это те же S и e^S, что и на физическом экране.',
      ],
    },
    formulas: ['E_i = −ln p_i', "p'_i = p_i^(1/t) / Σ_j p_j^(1/t) = e^(−E_i/t) / Z", "H = −Σ_i p'_i ln p'_i"],
  },
  {
    id: 'dynamics',
    heading: {
      en: 'How the particles move',
      ru: 'Как движутся частицы',
    },
    paragraphs: {
      en: [
        'The histogram shows where the particles are now; the theory marks show the exact p_i. ' +
          'The dynamics decide how the particles get there after you change T or the system.',
        'Instant equilibrium redraws every particle from p(T) at every step. The heat bath redraws each particle ' +
          'with probability r per step, so after a change of T the occupancies relax exponentially, with a time constant ' +
          'of about 1/r steps.',
        'Metropolis proposes moving a particle from level i to a neighbouring level j and accepts the move with probability ' +
          'min(1, (g_j/g_i)·e^(−(E_j − E_i)/T)). ' +
          'This satisfies detailed balance, so p(T) is the stationary distribution, but the moves are local: ' +
          'at low T a climb across a large gap is rare and relaxation is slow. That is physics, not a defect.',
        'The Einstein solid imposes no temperature at all. N oscillators share q quanta; at each move one quantum hops ' +
          'from a random oscillator that has one to a random oscillator. Every arrangement of the quanta becomes equally ' +
          'likely, and counting arrangements shows that the number of quanta on any one oscillator follows the Boltzmann ' +
          'distribution with 1/T = ln(1 + N/q) (ε = 1) when N and q are large. This is the microscopic reason for the exponential.',
      ],
      ru: [
        'Гистограмма показывает, где частицы находятся сейчас; теоретические отметки — точные p_i. ' +
          'Динамика определяет, как частицы приходят к этому распределению после изменения T или системы.',
        'В режиме мгновенного равновесия каждая частица на каждом шаге заново разыгрывается из p(T). ' +
          'В режиме тепловой бани каждая частица разыгрывается заново с вероятностью r за шаг, поэтому после изменения T ' +
          'заселённости релаксируют экспоненциально с постоянной времени около 1/r шагов.',
        'Алгоритм Метрополиса предлагает частице перейти с уровня i на соседний уровень j и принимает переход ' +
          'с вероятностью min(1, (g_j/g_i)·e^(−(E_j − E_i)/T)). Выполняется детальное равновесие, поэтому p(T) стационарно, но переходы локальны: ' +
          'при низкой T подъём через большую щель редок и релаксация идёт медленно. Это физика, а не дефект.',
        'Модель Эйнштейна не задаёт температуру вовсе. N осцилляторов делят q квантов; за один ход квант переходит ' +
          'от случайного осциллятора, у которого он есть, к случайно выбранному осциллятору. Все распределения квантов ' +
          'становятся равновероятными, и их подсчёт показывает, что число квантов у любого осциллятора подчиняется ' +
          'распределению Больцмана с 1/T = ln(1 + N/q) (ε = 1) при больших N и q. В этом и состоит микроскопическая причина экспоненты.',
      ],
    },
    formulas: [
      'n_i(k) − p_i ∝ (1 − r)^k',
      'P(i → j) = min(1, (g_j / g_i) · e^(−(E_j − E_i)/T))',
      '1/T = ln(1 + N/q)',
    ],
    formulasAfter: 4,
  },
  {
    id: 'ngram',
    heading: {
      en: 'The character model',
      ru: 'Символьная модель языка',
    },
    paragraphs: {
      en: [
        'The language screen trains a small model in your browser: a character n-gram model. It predicts the next ' +
          'character from the n − 1 characters before it, where n is its order (order 5 looks at four characters). ' +
          'Training counts every run of up to n characters in the text. It happens in a background worker, ' +
          'so the page stays responsive, and the text is sent nowhere.',
        'Raw counts give zero probability to anything the text never showed. Interpolated Kneser–Ney smoothing mends this: ' +
          'it subtracts a small discount D from each count and hands the freed probability to the next shorter context, ' +
          'down to a uniform distribution over all characters, so every character keeps a non-zero probability. ' +
          'Shorter contexts use continuation counts (in how many different contexts a character appears) instead of raw counts.',
        'The bundled texts are State of the Union addresses in English and the Universal Declaration of Human Rights ' +
          'in Russian, English, German, French and Spanish; you can also paste your own. ' +
          'A next-token distribution copied from a real model (OpenAI top_logprobs, llama.cpp) goes through the same sampler.',
        'Here a token is one character, so the ladder has as many levels as the text has distinct characters. ' +
          'A real model’s tokens are pieces of words, tens of thousands of them, but the sampler treats them in exactly the same way.',
      ],
      ru: [
        'Экран языковой модели обучает небольшую модель прямо в браузере: символьную n-граммную модель. Она предсказывает ' +
          'следующий символ по n − 1 предыдущим, где n — порядок модели (модель порядка 5 смотрит на четыре символа). ' +
          'Обучение — это подсчёт всех последовательностей длиной до n символов в тексте. Оно идёт в фоновом потоке, ' +
          'страница не замирает, а текст никуда не отправляется.',
        'Сырые частоты дают нулевую вероятность всему, чего не было в тексте. Это исправляет интерполированное сглаживание ' +
          'Кнезера — Нея: из каждого счётчика вычитается небольшая скидка D, а освободившаяся вероятность передаётся более ' +
          'короткому контексту, и так вплоть до равномерного распределения по всем символам, поэтому вероятность каждого ' +
          'символа остаётся ненулевой. Для коротких контекстов вместо сырых частот берутся счётчики продолжений: ' +
          'в скольких разных контекстах встречается символ.',
        'Встроенные тексты — ежегодные послания президента США Конгрессу (на английском) и Всеобщая декларация прав человека ' +
          'на русском, английском, немецком, французском и испанском; можно вставить и свой текст. ' +
          'Распределение следующего токена, скопированное из настоящей модели (top_logprobs OpenAI, llama.cpp), ' +
          'проходит через тот же сэмплер.',
        'Здесь токен — один символ, поэтому на лесенке столько уровней, сколько в тексте разных символов. ' +
          'У настоящих моделей токены — части слов, их десятки тысяч, но сэмплер обращается с ними точно так же.',
      ],
    },
    formulas: ['P(w | h) = max(c(h w) − D, 0) / c(h ·) + γ(h) · P(w | h⁻)'],
  },
  {
    id: 'exact',
    heading: {
      en: 'What is exact and what is approximated',
      ru: 'Что вычисляется точно, а что приближённо',
    },
    paragraphs: {
      en: [
        'Exact: the probabilities p_i, Z, U, C, S and F come from the formulas above in double precision. ' +
          'The sums use the log-sum-exp shift (the largest exponent is taken out first), so E/T of ±10⁴ neither ' +
          'overflows nor turns into NaN, and the limits T → 0 and T → ±∞ come out exactly.',
        'Truncated: infinite spectra are cut off, and the cut-off is a parameter you can see and change. ' +
          'The harmonic oscillator stops at n_max, the rotor at J_max, the boxes at a largest quantum number, ' +
          'hydrogen at n_max. The cut-off matters only once T is comparable to the energy of the top level kept, ' +
          'except for hydrogen: its Z = Σ 2n²·e^(13.6 eV/(n²·k_B·T)) diverges at every temperature, because the terms grow ' +
          'like 2n². Without a cut-off hydrogen has no Boltzmann distribution at all; in a real gas the largest orbits ' +
          'are cut off by the neighbouring atoms.',
        'Random: the particles are drawn at random, so the count on a level fluctuates around N·p_i with standard ' +
          'deviation √(N·p_i·(1 − p_i)). The band on the histogram shows ±1σ, and relative fluctuations shrink like 1/√N. ' +
          'Above a million particles individual particles are not simulated: each step draws the occupation counts ' +
          'directly from the exact multinomial distribution, up to N = 10²⁴.',
        'The random numbers are seeded: the same seed with the same settings repeats the same run.',
      ],
      ru: [
        'Точно: вероятности p_i, Z, U, C, S и F вычисляются по формулам выше с двойной точностью. ' +
          'Суммы считаются со сдвигом log-sum-exp (сначала выносится наибольший показатель), поэтому E/T = ±10⁴ ' +
          'не приводит ни к переполнению, ни к NaN, а пределы T → 0 и T → ±∞ получаются точно.',
        'С обрезкой: бесконечные спектры обрезаны, и граница — это параметр, который видно и можно менять. ' +
          'Гармонический осциллятор обрывается на n_max, ротатор — на J_max, ящики — на наибольшем квантовом числе, ' +
          'водород — на n_max. Обрезка важна, лишь когда T сравнима с энергией верхнего оставленного уровня, — ' +
          'кроме водорода: его статистическая сумма Z = Σ 2n²·e^(13,6 эВ/(n²·k_B·T)) расходится при любой температуре, ' +
          'потому что слагаемые растут как 2n². Без обрезки у водорода вообще нет распределения Больцмана; ' +
          'в реальном газе самые большие орбиты обрезаны соседними атомами.',
        'Случайно: частицы разыгрываются случайно, поэтому их число на уровне колеблется около N·p_i ' +
          'со стандартным отклонением √(N·p_i·(1 − p_i)). Полоса на гистограмме показывает ±1σ, а относительные флуктуации ' +
          'убывают как 1/√N. Свыше миллиона частиц отдельные частицы не моделируются: на каждом шаге числа заполнения ' +
          'разыгрываются сразу из точного мультиномиального распределения, вплоть до N = 10²⁴.',
        'Случайные числа задаются зерном: одно и то же зерно при тех же настройках повторяет тот же прогон.',
      ],
    },
    formulas: [
      'ln Z = m + ln Σ_i e^(a_i − m),   a_i = ln g_i − E_i/T,   m = max_i a_i',
      'σ_i = √(N · p_i · (1 − p_i))',
    ],
  },
];
