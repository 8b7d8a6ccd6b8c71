/**
 * The simulator screen's state as signals. Inputs are signals the controls write (only with
 * validated values, so the state is always the last good one); everything else is computed.
 * Views subscribe with `effect`; the particle simulation is advanced by the app loop.
 */
import { batch, computed, type ReadonlySignal, signal } from '@preact/signals-core';
import { boltzmannProbabilities } from '../../core/distribution.ts';
import type { DynamicsKind } from '../../core/simulation.ts';
import { type DisplayUnit, defaultParams, parseTemperature, presetById } from '../../core/spectra/index.ts';
import { type Thermodynamics, thermodynamics } from '../../core/thermodynamics.ts';
import { buildSystem, type SystemChoice, type SystemModel } from '../../shared/model/system.ts';
import { createEinsteinState } from './einstein.ts';

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

const PHYSICAL_UNITS: readonly DisplayUnit[] = ['K', 'meV', 'eV', 'cm⁻¹'];

/** A system's own unit under its physical name when it is one of those listed (cm⁻¹ for CO, eV for hydrogen). */
function listedOwnUnit(system: SystemModel): DisplayUnit | undefined {
  return PHYSICAL_UNITS.find((unit) => unit === system.energyUnit.symbol);
}

/**
 * The display units that make sense for a system: physical ones need a physical scale. A system measured
 * in one of them does not get it twice (once by name and once as its own unit).
 */
export function displayUnitsFor(system: SystemModel): DisplayUnit[] {
  if (system.energyUnit.electronvolts === null) return ['internal'];
  return listedOwnUnit(system) ? [...PHYSICAL_UNITS] : [...PHYSICAL_UNITS, 'internal'];
}

/** The listed name of a display unit: 'internal' is the physical unit it stands for, where that is listed. */
export function listedDisplayUnit(system: SystemModel, unit: DisplayUnit): DisplayUnit {
  return unit === 'internal' ? (listedOwnUnit(system) ?? unit) : unit;
}

/** The temperature a system switch moved, and what it was, so the page can say so. */
export interface TemperatureMove {
  previous: number;
  previousSystem: SystemModel;
  previousUnit: DisplayUnit;
  next: number;
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
  /** Set when a system switch moved the temperature; current while the temperature is still `next`. */
  const temperatureMove = signal<TemperatureMove | null>(null);

  /**
   * Switches system; the temperature moves to where the new system is interesting, and `temperatureMove`
   * records it unless `announce` is false (a link that sets its own temperature next).
   */
  function chooseSystem(choice: SystemChoice, announce = true): void {
    const next = buildSystem(choice);
    const units = displayUnitsFor(next);
    const move: TemperatureMove = {
      previous: temperature.peek(),
      previousSystem: system.peek(),
      previousUnit: temperatureUnit.peek(),
      next: openingTemperature(next),
    };
    batch(() => {
      system.value = next;
      temperature.value = move.next;
      const unit = listedDisplayUnit(next, temperatureUnit.value);
      temperatureUnit.value = units.includes(unit) ? unit : units[0];
      temperatureMove.value = announce && !Object.is(move.previous, move.next) ? move : null;
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
    temperatureMove,
    ...einstein,
  };
}

export type SimulatorState = ReturnType<typeof createSimulatorState>;
