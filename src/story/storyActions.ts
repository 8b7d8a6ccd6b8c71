import { defaultParams, type PresetId, presetById } from '../core/spectra/index.ts';
import type { LanguageScreenModel } from '../screens/language/model.ts';
import type { ParallelScreenModel, ParallelSystemId } from '../screens/parallel/model.ts';
import type { PhysicsModel } from '../screens/physics/model.ts';
import type { StoryActions } from './storyPanel.ts';

export interface StoryModels {
  physics: PhysicsModel;
  parallel: ParallelScreenModel;
  language(): Promise<LanguageScreenModel>;
}

const PARALLEL_PRESETS: Record<string, ParallelSystemId> = {
  'three-level': 'three-level',
  'two-level': 'two-level',
  'harmonic-oscillator': 'oscillator',
};

/** The guided story's hands on the app: each call sets state the way a person's control would. */
export function createStoryActions(states: StoryModels): StoryActions {
  const screen = () => location.hash.slice(1) || 'physics';
  return {
    goTo(target) {
      location.hash = target;
    },
    setPhysicsSystem(presetId, params) {
      if (screen() === 'parallel') {
        const id =
          params?.upperDegeneracy && params.upperDegeneracy > 1 ? 'degenerate' : PARALLEL_PRESETS[presetId];
        if (id) {
          try {
            states.parallel.physicsSystem.set(id);
          } catch {}
        }
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
      states.physics.setTemperature(t);
    },
    setLanguageTemperature(t) {
      void states.language().then((language) => language.updateSampler({ temperature: t }));
    },
    setLinkedTemperature(t) {
      // A step that asks for what the screen refuses (T < 0 on the oscillator) leaves the temperature.
      try {
        states.parallel.temperature.set(t);
      } catch {}
    },
    setSampler(change) {
      void states.language().then((language) => language.updateSampler(change));
    },
    setPlaying(playing) {
      const current = screen();
      if (current === 'language') {
        void states.language().then((language) => language.particles.playing.set(playing));
      } else if (current === 'parallel') states.parallel.setPlaying(playing);
      else states.physics.particles.playing.set(playing);
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
