/**
 * Names, descriptions and parameter texts of the engine's presets in English, by preset and parameter id.
 * Descriptions and labels write their formulas in TeX between dollars (src/shared/ui/mathSplit.ts).
 */
import { CO_VIBRATION_CM, HYDROGEN_RYDBERG_EV } from '../../core/spectra/index.ts';
import type { PresetTexts } from '../presetText.ts';

export const presetsEn: PresetTexts = {
  'two-level': {
    name: 'Two-level system',
    description:
      'A ground state at energy 0 and an excited level at $\\Delta$ (a spin in a magnetic field, a defect with two ' +
      'configurations). Its heat capacity has a peak near $T \\approx 0.42\\,\\Delta$ (the Schottky anomaly); ' +
      'at negative temperature the upper level is the more populated.',
    parameters: {
      gap: {
        label: '$\\Delta$',
        symbol: 'Δ',
        description: 'Energy of the excited level above the ground state.',
      },
      upperDegeneracy: {
        label: '$g_1$',
        symbol: 'g₁',
        description: 'Number of states in the excited level.',
      },
    },
  },
  'three-level': {
    name: 'Three-level system',
    description:
      'Levels at 0, $E_2$ and $E_3$, as in a three-level laser: pumping to level 3 and fast decay to level 2 can ' +
      'make level 2 more populated than level 1, a population inversion that only a negative temperature ' +
      'describes in equilibrium.',
    parameters: {
      e2: { label: '$E_2$', symbol: 'E₂', description: 'Energy of level 2.' },
      e3: { label: '$E_3$', symbol: 'E₃', description: 'Energy of level 3.' },
    },
  },
  'harmonic-oscillator': {
    name: 'Harmonic oscillator',
    description:
      '$E_n = (n + \\frac{1}{2})\\,\\hbar\\omega$ with one state per level. The ladder is infinite; ' +
      'it is cut at $n_{\\max}$, which only matters once $T$ is comparable to $n_{\\max}\\, \\hbar\\omega$. ' +
      'Mean energy above the ground state: $\\hbar\\omega / (e^{\\hbar\\omega/T} - 1)$.',
    parameters: {
      nMax: { label: '$n_{\\max}$', symbol: 'nₘₐₓ', description: 'Highest level kept.' },
    },
  },
  'co-vibration': {
    name: 'CO molecule: vibration',
    description:
      'The stretching vibration of carbon monoxide as a harmonic oscillator, $E_v = (v + \\frac{1}{2})\\,\\hbar\\omega$ with ' +
      `$\\hbar\\omega = ${CO_VIBRATION_CM}\\ \\text{cm}^{-1}$. At room temperature almost every molecule is in $v = 0$ ` +
      '($\\hbar\\omega/k_B \\approx 3080\\ \\text{K}$).',
    parameters: {
      vMax: { label: '$v_{\\max}$', symbol: 'vₘₐₓ', description: 'Highest vibrational level kept.' },
    },
  },
  'rigid-rotor': {
    name: 'Rigid rotor (CO rotation)',
    description:
      '$E_J = B J(J + 1)$ with degeneracy $2J + 1$ (the $M$ states). With CO’s $B = 1.9225\\ \\text{cm}^{-1}$ the most ' +
      'populated level at 300 K is $J = 7$: degeneracy grows while the Boltzmann factor falls. ' +
      'The ladder is cut at $J_{\\max}$.',
    parameters: {
      b: { label: '$B$', symbol: 'B', description: 'Rotational constant.' },
      jMax: { label: '$J_{\\max}$', symbol: 'Jₘₐₓ', description: 'Highest rotational level kept.' },
    },
  },
  'box-1d': {
    name: 'Particle in a 1D box',
    description:
      '$E_n = n^2 h^2 / (8 m L^2)$ for $n = 1, 2, \\ldots$, one state per level; cut at $n_{\\max}$. ' +
      'The gaps grow with $n$.',
    parameters: {
      nMax: { label: '$n_{\\max}$', symbol: 'nₘₐₓ', description: 'Highest level kept.' },
    },
  },
  'box-3d': {
    name: 'Particle in a 3D cubic box',
    description:
      '$E = (n_x^2 + n_y^2 + n_z^2)\\, h^2 / (8 m L^2)$ with $n_x, n_y, n_z \\ge 1$. A level is every distinct value of ' +
      'the sum; its degeneracy is the number of $(n_x, n_y, n_z)$ giving it, e.g. ' +
      '3 for (1,1,2), (1,2,1), (2,1,1). Levels up to $E_{\\max}$ are kept.',
    parameters: {
      maxSum: {
        label: '$E_{\\max}$',
        symbol: 'Eₘₐₓ',
        description: 'Highest energy kept, as $n_x^2 + n_y^2 + n_z^2$.',
      },
    },
  },
  hydrogen: {
    name: 'Hydrogen atom',
    description:
      `$E_n = -${HYDROGEN_RYDBERG_EV}\\ \\text{eV} / n^2$ with degeneracy $2n^2$ (spin included), cut at $n_{\\max}$. ` +
      'Without the cut the partition function diverges: the degeneracy grows faster than the Boltzmann ' +
      'factor falls, so at any $T > 0$ enough high levels win. Raise $n_{\\max}$ and watch.',
    parameters: {
      nMax: { label: '$n_{\\max}$', symbol: 'nₘₐₓ', description: 'Highest principal quantum number kept.' },
    },
  },
};
