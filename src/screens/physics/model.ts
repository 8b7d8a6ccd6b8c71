/**
 * The physics screen's model: the system a person chose, the temperature they set, the unit they read
 * it in, and the particles on that system. Views read its signals; every change goes through its
 * methods and settings, which refuse a bad value with an InputError and keep the last good state.
 */
import { batch, type ReadonlySignal, signal } from '@preact/signals-core';
import { InputError } from '../../core/errors.ts';
import { type DisplayUnit, type PresetId, parseTemperature, presetById } from '../../core/spectra/index.ts';
import { createParticleModel } from '../../shared/model/particleModel.ts';
import { type Setting, setting } from '../../shared/model/setting.ts';
import {
  buildSystem,
  checkSystemTemperature,
  presetSystem,
  type SystemChoice,
  type SystemModel,
} from '../../shared/model/system.ts';

export const DEFAULT_PRESET: PresetId = 'harmonic-oscillator';

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

export function createPhysicsModel() {
  const initial = presetSystem(DEFAULT_PRESET);
  const system = signal<SystemModel>(initial);
  /** The temperature as set (the particles' own differs only while the Einstein solid runs). */
  const setTemperatureValue = signal(openingTemperature(initial));
  const temperatureUnit: Setting<DisplayUnit> = setting<DisplayUnit>(displayUnitsFor(initial)[0], (unit) => {
    if (!displayUnitsFor(system.peek()).includes(unit)) {
      throw new InputError('unit.notForSystem', { unit });
    }
  });
  /** Set when a system switch moved the temperature; current while the temperature is still `next`. */
  const temperatureMove = signal<TemperatureMove | null>(null);
  const particles = createParticleModel({
    system,
    temperature: setTemperatureValue,
    adoptTemperature: (reached) => {
      setTemperatureValue.value = reached;
    },
  });

  /**
   * Switches system; the temperature moves to where the new system is interesting, and `temperatureMove`
   * records it unless `announce` is false (a link that sets its own temperature next). Throws InputError
   * (a formula or list that does not build) and leaves everything as it was.
   */
  function chooseSystem(choice: SystemChoice, announce = true): void {
    const next = buildSystem(choice);
    const units = displayUnitsFor(next);
    const move: TemperatureMove = {
      previous: particles.temperature.peek(),
      previousSystem: system.peek(),
      previousUnit: temperatureUnit.peek(),
      next: openingTemperature(next),
    };
    batch(() => {
      system.value = next;
      setTemperatureValue.value = move.next;
      const unit = listedDisplayUnit(next, temperatureUnit.peek());
      temperatureUnit.set(units.includes(unit) ? unit : units[0]);
      temperatureMove.value = announce && !Object.is(move.previous, move.next) ? move : null;
    });
  }

  return {
    system: system as ReadonlySignal<SystemModel>,
    /** The temperature the particles are at, in the system's energy unit (k_B = 1). */
    temperature: particles.temperature,
    temperatureUnit,
    temperatureMove: temperatureMove as ReadonlySignal<TemperatureMove | null>,
    particles,
    probabilities: particles.probabilities,
    thermo: particles.thermo,
    chooseSystem,
    /** Sets the temperature; refuses NaN, and a negative one where the spectrum is not bounded above. */
    setTemperature(temperature: number): void {
      checkSystemTemperature(system.peek(), temperature);
      setTemperatureValue.value = temperature;
    },
    /** Forgets the note about the last temperature move (the person has seen it). */
    dismissTemperatureMove(): void {
      temperatureMove.value = null;
    },
    step: particles.step,
    reset: particles.reset,
  };
}

export type PhysicsModel = ReturnType<typeof createPhysicsModel>;
