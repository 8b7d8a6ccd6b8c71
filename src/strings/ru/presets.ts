/**
 * Names, descriptions and parameter texts of the engine's presets in Russian, by preset and parameter id.
 * Descriptions and labels write their formulas in TeX between dollars (src/shared/ui/mathSplit.ts), with
 * {,} for the decimal comma.
 */
import { CO_VIBRATION_CM, HYDROGEN_RYDBERG_EV } from '../../core/spectra/index.ts';
import type { PresetTexts } from '../presetText.ts';

/** A number in TeX with the Russian decimal comma ({,} keeps TeX from spacing it as punctuation). */
const texDecimal = (x: number) => String(x).replace('.', '{,}');

export const presetsRu: PresetTexts = {
  'two-level': {
    name: 'Двухуровневая система',
    description:
      'Основное состояние с энергией 0 и возбуждённый уровень с энергией $\\Delta$ (спин в магнитном поле, дефект ' +
      'с двумя конфигурациями). Теплоёмкость имеет пик вблизи $T \\approx 0{,}42\\,\\Delta$ (аномалия Шоттки); ' +
      'при отрицательной температуре верхний уровень заселён сильнее нижнего.',
    parameters: {
      gap: {
        label: '$\\Delta$',
        symbol: 'Δ',
        description: 'Энергия возбуждённого уровня над основным состоянием.',
      },
      upperDegeneracy: {
        label: '$g_1$',
        symbol: 'g₁',
        description: 'Число состояний на возбуждённом уровне (кратность вырождения).',
      },
    },
  },
  'three-level': {
    name: 'Трёхуровневая система',
    description:
      'Уровни с энергиями 0, $E_2$ и $E_3$, как в трёхуровневом лазере: накачка на уровень 3 и быстрый переход ' +
      'на уровень 2 могут сделать уровень 2 заселённее уровня 1. Это инверсия населённостей, и в ' +
      'равновесии её описывает только отрицательная температура.',
    parameters: {
      e2: { label: '$E_2$', symbol: 'E₂', description: 'Энергия уровня 2.' },
      e3: { label: '$E_3$', symbol: 'E₃', description: 'Энергия уровня 3.' },
    },
  },
  'harmonic-oscillator': {
    name: 'Гармонический осциллятор',
    description:
      '$E_n = (n + \\frac{1}{2})\\,\\hbar\\omega$, по одному состоянию на уровень. Лестница уровней бесконечна; ' +
      'она обрезана на $n_{\\max}$, что важно, лишь когда $T$ сравнима с $n_{\\max}\\, \\hbar\\omega$. ' +
      'Средняя энергия над основным состоянием: $\\hbar\\omega / (e^{\\hbar\\omega/T} - 1)$.',
    parameters: {
      nMax: { label: '$n_{\\max}$', symbol: 'nₘₐₓ', description: 'Самый высокий из сохранённых уровней.' },
    },
  },
  'co-vibration': {
    name: 'Молекула CO: колебания',
    description:
      'Валентное колебание молекулы угарного газа как гармонический осциллятор: ' +
      `$E_v = (v + \\frac{1}{2})\\,\\hbar\\omega$, где $\\hbar\\omega = ${CO_VIBRATION_CM}\\ \\text{cm}^{-1}$. ` +
      'При комнатной температуре почти все молекулы находятся в ' +
      'состоянии $v = 0$ ($\\hbar\\omega/k_B \\approx 3080\\ \\text{K}$).',
    parameters: {
      vMax: {
        label: '$v_{\\max}$',
        symbol: 'vₘₐₓ',
        description: 'Самый высокий из сохранённых колебательных уровней.',
      },
    },
  },
  'rigid-rotor': {
    name: 'Жёсткий ротатор (вращение CO)',
    description:
      '$E_J = B J(J + 1)$ с кратностью вырождения $2J + 1$ (состояния с разными $M$). ' +
      'При вращательной постоянной CO $B = 1{,}9225\\ \\text{cm}^{-1}$ самый заселённый уровень при 300 K — $J = 7$: ' +
      'кратность вырождения растёт, а больцмановский множитель убывает. ' +
      'Лестница уровней обрезана на $J_{\\max}$.',
    parameters: {
      b: { label: '$B$', symbol: 'B', description: 'Вращательная постоянная.' },
      jMax: {
        label: '$J_{\\max}$',
        symbol: 'Jₘₐₓ',
        description: 'Самый высокий из сохранённых вращательных уровней.',
      },
    },
  },
  'box-1d': {
    name: 'Частица в одномерном ящике',
    description:
      '$E_n = n^2 h^2 / (8 m L^2)$ при $n = 1, 2, \\ldots$, по одному состоянию на уровень; ' +
      'обрезано на $n_{\\max}$. Промежутки между уровнями растут с $n$.',
    parameters: {
      nMax: { label: '$n_{\\max}$', symbol: 'nₘₐₓ', description: 'Самый высокий из сохранённых уровней.' },
    },
  },
  'box-3d': {
    name: 'Частица в трёхмерном кубическом ящике',
    description:
      '$E = (n_x^2 + n_y^2 + n_z^2)\\, h^2 / (8 m L^2)$, где $n_x, n_y, n_z \\ge 1$. Уровень — это каждое различное ' +
      'значение суммы; его кратность вырождения — число троек $(n_x, n_y, n_z)$, дающих это значение, например 3 для ' +
      '(1,1,2), (1,2,1), (2,1,1). Сохраняются уровни до $E_{\\max}$.',
    parameters: {
      maxSum: {
        label: '$E_{\\max}$',
        symbol: 'Eₘₐₓ',
        description: 'Наибольшая сохранённая энергия в виде $n_x^2 + n_y^2 + n_z^2$.',
      },
    },
  },
  hydrogen: {
    name: 'Атом водорода',
    description:
      `$E_n = -${texDecimal(HYDROGEN_RYDBERG_EV)}\\ \\text{eV} / n^2$ с кратностью вырождения $2n^2$ (с учётом спина), ` +
      'обрезано на $n_{\\max}$. ' +
      'Без обрезания статистическая сумма расходится: кратность вырождения растёт быстрее, чем убывает ' +
      'больцмановский множитель, так что при любой $T > 0$ достаточно высокие уровни перевешивают. ' +
      'Увеличьте $n_{\\max}$ и посмотрите, что будет.',
    parameters: {
      nMax: {
        label: '$n_{\\max}$',
        symbol: 'nₘₐₓ',
        description: 'Наибольшее сохранённое главное квантовое число.',
      },
    },
  },
};
