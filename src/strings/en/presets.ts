/** Names, descriptions and parameter texts of the engine's presets in English, by preset and parameter id. */
import { CO_VIBRATION_CM, HYDROGEN_RYDBERG_EV } from '../../core/spectra/index.ts';
import type { PresetTexts } from '../presetText.ts';

export const presetsEn: PresetTexts = {
  'two-level': {
    name: 'Two-level system',
    description:
      'A ground state at energy 0 and an excited level at Δ (a spin in a magnetic field, a defect with two ' +
      'configurations). Its heat capacity has a peak near T ≈ 0.42 Δ (the Schottky anomaly); ' +
      'at negative temperature the upper level is the more populated.',
    parameters: {
      gap: { label: 'Δ', description: 'Energy of the excited level above the ground state.' },
      upperDegeneracy: { label: 'g₁', description: 'Number of states in the excited level.' },
    },
  },
  'three-level': {
    name: 'Three-level system',
    description:
      'Levels at 0, E₂ and E₃, as in a three-level laser: pumping to level 3 and fast decay to level 2 can ' +
      'make level 2 more populated than level 1, a population inversion that only a negative temperature ' +
      'describes in equilibrium.',
    parameters: {
      e2: { label: 'E₂', description: 'Energy of level 2.' },
      e3: { label: 'E₃', description: 'Energy of level 3.' },
    },
  },
  'harmonic-oscillator': {
    name: 'Harmonic oscillator',
    description:
      'E_n = (n + 1/2) ħω with one state per level. The ladder is infinite; ' +
      'it is cut at n_max, which only matters once T is comparable to n_max ħω. ' +
      'Mean energy above the ground state: ħω/(e^{ħω/T} − 1).',
    parameters: {
      nMax: { label: 'n_max', description: 'Highest level kept.' },
    },
  },
  'co-vibration': {
    name: 'CO molecule: vibration',
    description:
      'The stretching vibration of carbon monoxide as a harmonic oscillator, E_v = (v + 1/2) ħω with ' +
      `ħω = ${CO_VIBRATION_CM} cm⁻¹. At room temperature almost every molecule is in v = 0 (ħω/k_B ≈ 3080 K).`,
    parameters: {
      vMax: { label: 'v_max', description: 'Highest vibrational level kept.' },
    },
  },
  'rigid-rotor': {
    name: 'Rigid rotor (CO rotation)',
    description:
      'E_J = B J(J + 1) with degeneracy 2J + 1 (the M states). With CO’s B = 1.9225 cm⁻¹ the most ' +
      'populated level at 300 K is J = 7: degeneracy grows while the Boltzmann factor falls. ' +
      'The ladder is cut at J_max.',
    parameters: {
      b: { label: 'B', description: 'Rotational constant.' },
      jMax: { label: 'J_max', description: 'Highest rotational level kept.' },
    },
  },
  'box-1d': {
    name: 'Particle in a 1D box',
    description:
      'E_n = n² h²/(8mL²) for n = 1, 2, …, one state per level; cut at n_max. ' + 'The gaps grow with n.',
    parameters: {
      nMax: { label: 'n_max', description: 'Highest level kept.' },
    },
  },
  'box-3d': {
    name: 'Particle in a 3D cubic box',
    description:
      'E = (nx² + ny² + nz²) h²/(8mL²) with nx, ny, nz ≥ 1. A level is every distinct value of the sum; ' +
      'its degeneracy is the number of (nx, ny, nz) giving it, e.g. ' +
      '3 for (1,1,2), (1,2,1), (2,1,1). Levels up to E_max are kept.',
    parameters: {
      maxSum: { label: 'E_max', description: 'Highest energy kept, as nx² + ny² + nz².' },
    },
  },
  hydrogen: {
    name: 'Hydrogen atom',
    description:
      `E_n = −${HYDROGEN_RYDBERG_EV} eV / n² with degeneracy 2n² (spin included), cut at n_max. ` +
      'Without the cut the partition function diverges: the degeneracy grows faster than the Boltzmann ' +
      'factor falls, so at any T > 0 enough high levels win. Raise n_max and watch.',
    parameters: {
      nMax: { label: 'n_max', description: 'Highest principal quantum number kept.' },
    },
  },
};
