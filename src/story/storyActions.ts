import { defaultParams, type PresetId, presetById } from '../core/spectra/index.ts';
import type { LanguageState } from '../screens/language/model.ts';
import type { ParallelState, ParallelSystemId } from '../screens/parallel/model.ts';
import type { SimulatorState } from '../screens/physics/model.ts';
import type { StoryActions } from './storyPanel.ts';

export interface AppStates {
  physics: SimulatorState;
  parallel: ParallelState;
  language(): Promise<LanguageState>;
  particlesFor(screen: 'language' | 'parallel-physics' | 'parallel-tokens'): SimulatorState;
}

const PARALLEL_PRESETS: Record<string, ParallelSystemId> = {
  'three-level': 'three-level',
  'two-level': 'two-level',
  'harmonic-oscillator': 'oscillator',
};

/** The guided story's hands on the app: each call sets state the way a person's control would. */
export function createStoryActions(states: AppStates): StoryActions {
  const screen = () => location.hash.slice(1) || 'physics';
  return {
    goTo(target) {
      location.hash = target;
    },
    setPhysicsSystem(presetId, params) {
      if (screen() === 'parallel') {
        const id =
          params?.upperDegeneracy && params.upperDegeneracy > 1 ? 'degenerate' : PARALLEL_PRESETS[presetId];
        if (id) states.parallel.physicsSystem.value = id;
        return;
      }
      const preset = presetById(presetId);
      if (!preset) return;
      states.physics.chooseSystem({
        kind: 'preset',
        presetId: preset.id as PresetId,
        params: { ...defaultParams(preset), ...params },
      });
    },
    setPhysicsTemperature(t) {
      if (t < 0 && !states.physics.system.peek().allowsNegativeTemperature) return;
      states.physics.temperature.value = t;
    },
    setLanguageTemperature(t) {
      void states.language().then((language) => language.updateSampler({ temperature: t }));
    },
    setLinkedTemperature(t) {
      states.parallel.temperature.value = t;
    },
    setSampler(change) {
      void states.language().then((language) => language.updateSampler(change));
    },
    setPlaying(playing) {
      const current = screen();
      if (current === 'language') states.particlesFor('language').playing.value = playing;
      else if (current === 'parallel') {
        states.particlesFor('parallel-physics').playing.value = playing;
        states.particlesFor('parallel-tokens').playing.value = playing;
      } else states.physics.playing.value = playing;
    },
    focus(selector) {
      // The screen may still be mounting: look again shortly.
      const attempt = (tries: number) => {
        const element = document.querySelector(selector);
        if (element instanceof HTMLElement) {
          element.scrollIntoView({ block: 'center', behavior: 'smooth' });
          element.classList.add('story-highlight');
          setTimeout(() => element.classList.remove('story-highlight'), 2500);
        } else if (tries > 0) setTimeout(() => attempt(tries - 1), 200);
      };
      attempt(10);
    },
  };
}
