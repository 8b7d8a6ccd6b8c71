/**
 * The simulator screen's state as signals. Inputs are signals the controls write (only with
 * validated values, so the state is always the last good one); everything else is computed.
 * Views subscribe with `effect`; the particle simulation is advanced by the app loop.
 */
import { batch, computed, type ReadonlySignal, signal } from '@preact/signals-core';
import { boltzmannProbabilities } from '../core/distribution.ts';
import type { DynamicsKind } from '../core/simulation.ts';
import { type DisplayUnit, defaultParams, parseTemperature, presetById } from '../core/spectra/index.ts';
import { type Thermodynamics, thermodynamics } from '../core/thermodynamics.ts';
import { createEinsteinState } from './einstein.ts';
import { buildSystem, type SystemChoice, type SystemModel } from './system.ts';

export const DEFAULT_PRESET = 'harmonic-oscillator';

function defaultSystem(): SystemModel {
  const preset = presetById(DEFAULT_PRESET);
  if (!preset) throw new Error('The default preset is missing.');
  return buildSystem({ kind: 'preset', presetId: preset.id, params: defaultParams(preset) });
}

/** The temperature a system opens at: its preset's suggestion, or the first excitation energy. */
export function openingTemperature(system: SystemModel): number {
  if (system.choice.kind === 'preset') {
    const preset = presetById(system.choice.presetId);
    if (preset) return parseTemperature(preset.suggestedTemperature, system.energyUnit);
  }
  return system.excitationEnergy;
}

/** The display units that make sense for a system: physical ones need a physical scale. */
export function displayUnitsFor(system: SystemModel): DisplayUnit[] {
  return system.energyUnit.electronvolts === null ? ['internal'] : ['K', 'meV', 'eV', 'cm⁻¹', 'internal'];
}

export function createSimulatorState() {
  const initial = defaultSystem();
  const system = signal<SystemModel>(initial);
  const temperature = signal(openingTemperature(initial));
  const temperatureUnit = signal<DisplayUnit>(displayUnitsFor(initial)[0]);
  const particleCount = signal(2000);
  const dynamics = signal<DynamicsKind>('heat-bath');
  // A lecture's pace: with r = 0.16 at 8 steps per second the heat bath settles after a temperature
  // change in 1.5–4 s (lecturePace.test.ts), slow enough to watch the particles move, quick enough to wait for.
  const heatBathFraction = signal(0.16);
  const metropolisSweeps = signal(1);
  const playing = signal(true);
  const stepsPerSecond = signal(8);
  /** Running FAST_FORWARD_FACTOR times faster until the particles agree with theory (fastForward.ts). */
  const fastForward = signal(false);
  const seed = signal(1);
  const showTimeAverage = signal(false);
  /** Steps to take once the simulation exists (a shared link replays them to reach the same draws). */
  const pendingSteps = signal(0);
  /** Steps the simulation has taken since its last reset, as last drawn. */
  const steps = signal(0);
  /** Bumped by the app loop after every step, so views that read the simulation redraw. */
  const stepVersion = signal(0);

  const probabilities: ReadonlySignal<Float64Array> = computed(() =>
    boltzmannProbabilities(
      system.value.spectrum.energies,
      temperature.value,
      system.value.spectrum.degeneracies,
    ),
  );
  const thermo: ReadonlySignal<Thermodynamics> = computed(() =>
    thermodynamics(system.value.spectrum.energies, temperature.value, system.value.spectrum.degeneracies),
  );

  const einstein = createEinsteinState({ system, particleCount, dynamics, temperature });

  /** Switches system; the temperature moves to where the new system is interesting. */
  function chooseSystem(choice: SystemChoice): void {
    const next = buildSystem(choice);
    const units = displayUnitsFor(next);
    batch(() => {
      system.value = next;
      temperature.value = openingTemperature(next);
      if (!units.includes(temperatureUnit.value)) temperatureUnit.value = units[0];
    });
  }

  return {
    system,
    temperature,
    temperatureUnit,
    particleCount,
    dynamics,
    heatBathFraction,
    metropolisSweeps,
    playing,
    stepsPerSecond,
    fastForward,
    seed,
    showTimeAverage,
    stepVersion,
    pendingSteps,
    steps,
    probabilities,
    thermo,
    chooseSystem,
    ...einstein,
  };
}

export type SimulatorState = ReturnType<typeof createSimulatorState>;
