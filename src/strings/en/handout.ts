/** The printed handout's texts in English (src/app/handout/). Formulas are TeX between dollar signs. */
import type { PresetId } from '../../core/spectra/index.ts';
import { CO_VIBRATION_CM, HYDROGEN_RYDBERG_EV } from '../../core/spectra/index.ts';

export const handoutEn = {
  button: 'Save handout as PDF',
  buttonTitle:
    'A one-page handout of this view: the picture, the table, the readouts, the formulas and the link (Ctrl+P too)',
  systemAt: (system: string, temperature: string) => `${system} at T = ${temperature}`,
  modelAt: (corpus: string, order: number, t: string) =>
    `Character model of order ${order} trained on “${corpus}”, sampled at t = ${t}`,
  pastedAt: (t: string) => `A pasted distribution, sampled at t = ${t}`,
  contextLine: (context: string) => `Context: “${context}”`,
  parallelAt: (system: string, t: string) =>
    `${system} and the character model’s next token under one temperature T = t = ${t}`,
  physicsPicture: 'Particles on the levels and their occupancy against theory',
  tokensPicture: 'Tokens as levels at E = −ln p, with particles drawn from the final distribution',
  dotNote: (perDot: string) =>
    perDot === '1' ? 'One dot is one particle.' : `One dot stands for up to ${perDot} particles.`,
  legend:
    'Grey bar: the particles now (fraction per level). Thick black mark: the exact Boltzmann p. Dashed box: ±1σ expected fluctuation.',
  particles: 'Particles N',
  groundShare: 'On the lowest level',
  groundShareValue: (theory: string, particles: string) =>
    `${theory} in theory, ${particles} of the particles`,
  parameters: 'Parameters',
  topTokens: 'Most likely next tokens',
  formulasHeading: 'Formulas',
  boltzmann:
    'Boltzmann distribution: $p_i = \\frac{g_i\\,e^{-E_i/T}}{Z}$, with $Z = \\sum_i g_i\\,e^{-E_i/T}$ ($k_B = 1$).',
  averages:
    'Mean energy $\\langle E\\rangle = \\sum_i p_i E_i$, heat capacity $C = (\\langle E^2\\rangle - \\langle E\\rangle^2)/T^2$, entropy $S = -\\sum_i p_i \\ln(p_i/g_i)$.',
  energies: {
    'two-level': 'Levels $E_0 = 0$ and $E_1 = \\Delta$, with one state below and $g_1$ states above.',
    'three-level': 'Three levels at $0$, $E_2$ and $E_3$, one state each.',
    'harmonic-oscillator':
      '$E_n = (n + \\tfrac{1}{2})\\,\\hbar\\omega$, one state per level, $n = 0, 1, \\ldots, n_{\\max}$.',
    'co-vibration': `$E_v = (v + \\tfrac{1}{2})\\,\\hbar\\omega$ with $\\hbar\\omega = ${CO_VIBRATION_CM}\\ \\mathrm{cm^{-1}}$, one state per level.`,
    'rigid-rotor': '$E_J = B\\,J(J+1)$ with $g_J = 2J + 1$ states, $J = 0, 1, \\ldots, J_{\\max}$.',
    'box-1d': '$E_n = n^2\\,h^2/(8mL^2)$, one state per level, $n = 1, 2, \\ldots, n_{\\max}$.',
    'box-3d':
      '$E = (n_x^2 + n_y^2 + n_z^2)\\,h^2/(8mL^2)$ with $n_x, n_y, n_z \\ge 1$; $g$ counts the triples with that sum.',
    hydrogen: `$E_n = -${HYDROGEN_RYDBERG_EV}\\ \\mathrm{eV}/n^2$ with $g_n = 2n^2$ states, $n = 1, \\ldots, n_{\\max}$.`,
  } satisfies Record<PresetId, string>,
  energyFormula: (energy: string, degeneracy: string, from: string, to: string) =>
    `Your formula: E(n) = ${energy}, g(n) = ${degeneracy}, for n from ${from} to ${to}.`,
  energyList: (text: string) => `Your list of energies (energy:degeneracy): ${text}`,
  tokenEnergy: 'A token of probability $p$ is a level of energy $E = -\\ln p$ with one state ($g = 1$).',
  temperatureSampling:
    "Sampling at temperature $t$: $p_i' = \\frac{p_i^{1/t}}{\\sum_j p_j^{1/t}}$, the Boltzmann distribution at $T = t$.",
  tokenEntropy: 'Entropy $H = -\\sum_i p_i \\ln p_i$ (in bits: $H/\\ln 2$), perplexity $e^{H}$.',
  linkHeading: 'Open this view again',
  linkNote: 'The address (or the code) opens the app on this view, with the same random draws.',
  qrLabel: 'QR code of the address',
};

export type HandoutStrings = typeof handoutEn;
