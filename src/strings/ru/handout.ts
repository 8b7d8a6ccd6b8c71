/** Тексты печатного раздаточного листа (src/app/handout/). Формулы — TeX между знаками доллара. */
import type { PresetId } from '../../core/spectra/index.ts';
import { CO_VIBRATION_CM, HYDROGEN_RYDBERG_EV } from '../../core/spectra/index.ts';
import type { HandoutStrings } from '../en/handout.ts';

/** A number inside TeX with the Russian decimal comma (braced, so TeX does not space it as a list). */
const texNumber = (x: number) => String(x).replace('.', '{,}');

export const handoutRu: HandoutStrings = {
  button: 'Раздаточный лист в PDF',
  buttonTitle: 'Одна страница об этом виде: рисунок, таблица, величины, формулы и ссылка (также по Ctrl+P)',
  systemAt: (system: string, temperature: string) => `${system} при T = ${temperature}`,
  modelAt: (corpus: string, order: number, t: string) =>
    `Символьная модель порядка ${order}, обученная на тексте «${corpus}», выборка при t = ${t}`,
  pastedAt: (t: string) => `Вставленное распределение, выборка при t = ${t}`,
  contextLine: (context: string) => `Контекст: «${context}»`,
  parallelAt: (system: string, t: string) =>
    `${system} и следующий токен символьной модели при одной температуре T = t = ${t}`,
  physicsPicture: 'Частицы на уровнях и заселённость уровней в сравнении с теорией',
  tokensPicture: 'Токены как уровни с E = −ln p и частицы, выбранные из итогового распределения',
  dotNote: (perDot: string) =>
    perDot === '1' ? 'Одна точка — одна частица.' : `Одна точка — до ${perDot} частиц.`,
  legend:
    'Серый столбик: частицы сейчас (доля на уровне). Толстая чёрная черта: точное распределение Больцмана p. Пунктирная рамка: ±1σ ожидаемой флуктуации.',
  particles: 'Частиц N',
  groundShare: 'На нижнем уровне',
  groundShareValue: (theory: string, particles: string) => `${theory} по теории, ${particles} частиц`,
  parameters: 'Параметры',
  topTokens: 'Самые вероятные следующие токены',
  formulasHeading: 'Формулы',
  boltzmann:
    'Распределение Больцмана: $p_i = \\frac{g_i\\,e^{-E_i/T}}{Z}$, где $Z = \\sum_i g_i\\,e^{-E_i/T}$ ($k_B = 1$).',
  averages:
    'Средняя энергия $\\langle E\\rangle = \\sum_i p_i E_i$, теплоёмкость $C = (\\langle E^2\\rangle - \\langle E\\rangle^2)/T^2$, энтропия $S = -\\sum_i p_i \\ln(p_i/g_i)$.',
  energies: {
    'two-level': 'Уровни $E_0 = 0$ и $E_1 = \\Delta$: одно состояние внизу и $g_1$ состояний наверху.',
    'three-level': 'Три уровня: $0$, $E_2$ и $E_3$, по одному состоянию.',
    'harmonic-oscillator':
      '$E_n = (n + \\tfrac{1}{2})\\,\\hbar\\omega$, по одному состоянию на уровне, $n = 0, 1, \\ldots, n_{\\max}$.',
    'co-vibration': `$E_v = (v + \\tfrac{1}{2})\\,\\hbar\\omega$, где $\\hbar\\omega = ${texNumber(CO_VIBRATION_CM)}\\ \\mathrm{см^{-1}}$, по одному состоянию на уровне.`,
    'rigid-rotor': '$E_J = B\\,J(J+1)$, у уровня $g_J = 2J + 1$ состояний, $J = 0, 1, \\ldots, J_{\\max}$.',
    'box-1d': '$E_n = n^2\\,h^2/(8mL^2)$, по одному состоянию на уровне, $n = 1, 2, \\ldots, n_{\\max}$.',
    'box-3d':
      '$E = (n_x^2 + n_y^2 + n_z^2)\\,h^2/(8mL^2)$, где $n_x, n_y, n_z \\ge 1$; $g$ — число троек с этой суммой.',
    hydrogen: `$E_n = -${texNumber(HYDROGEN_RYDBERG_EV)}\\ \\mathrm{эВ}/n^2$, у уровня $g_n = 2n^2$ состояний, $n = 1, \\ldots, n_{\\max}$.`,
  } satisfies Record<PresetId, string>,
  energyFormula: (energy: string, degeneracy: string, from: string, to: string) =>
    `Своя формула: E(n) = ${energy}, g(n) = ${degeneracy}, n от ${from} до ${to}.`,
  energyList: (text: string) => `Свой список энергий (энергия:вырождение): ${text}`,
  tokenEnergy:
    'Токен с вероятностью $p$ — это уровень с энергией $E = -\\ln p$ и одним состоянием ($g = 1$).',
  temperatureSampling:
    "Выборка при температуре $t$: $p_i' = \\frac{p_i^{1/t}}{\\sum_j p_j^{1/t}}$ — это распределение Больцмана при $T = t$.",
  tokenEntropy: 'Энтропия $H = -\\sum_i p_i \\ln p_i$ (в битах: $H/\\ln 2$), перплексия $e^{H}$.',
  linkHeading: 'Открыть этот вид снова',
  linkNote: 'Адрес (или код) открывает приложение на этом виде, с теми же случайными розыгрышами.',
  qrLabel: 'QR-код адреса',
};
