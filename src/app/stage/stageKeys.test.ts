import { describe, expect, test } from 'vitest';
import { stageAction } from './stageKeys.ts';
import { createStageMode } from './stageMode.ts';

function recorder() {
  const calls: string[] = [];
  return {
    calls,
    temperature: {
      root: {} as HTMLElement,
      warmer: () => calls.push('warmer'),
      colder: () => calls.push('colder'),
    },
    slides: { next: () => calls.push('next'), previous: () => calls.push('previous') },
  };
}

function press(keys: string[], withLesson: boolean): string[] {
  const { calls, temperature, slides } = recorder();
  const stage = createStageMode();
  stage.enter();
  if (withLesson) stage.setSlideNavigator(slides);
  for (const key of keys) {
    const action = stageAction(key, stage, temperature);
    if (action) action();
    else calls.push(`page:${key}`);
  }
  return calls;
}

describe('stage keys', () => {
  test('without a lesson the clicker keys move the temperature, Space stays the page’s', () => {
    expect(
      press(['PageUp', 'ArrowUp', 'ArrowRight', 'PageDown', 'ArrowDown', 'ArrowLeft', ' '], false),
    ).toEqual(['warmer', 'warmer', 'warmer', 'colder', 'colder', 'colder', 'page: ']);
  });

  test('while a lesson plays the page keys turn its slides, and ↑ ↓ stay the temperature', () => {
    expect(
      press(['PageDown', 'ArrowRight', ' ', 'PageUp', 'ArrowLeft', 'ArrowUp', 'ArrowDown'], true),
    ).toEqual(['next', 'next', 'next', 'previous', 'previous', 'warmer', 'colder']);
  });

  test('B and "." blank the screen, Escape leaves the stage and unblanks it', () => {
    const { temperature } = recorder();
    const stage = createStageMode();
    stage.enter();
    stageAction('b', stage, temperature)?.();
    expect(stage.blanked.value).toBe(true);
    stage.setBlanked(false);
    stageAction('.', stage, temperature)?.();
    expect(stage.blanked.value).toBe(true);
    stageAction('Escape', stage, temperature)?.();
    expect(stage.active.value).toBe(false);
    expect(stage.blanked.value).toBe(false);
  });

  test('a screen without a stage control leaves the arrows to the page', () => {
    const stage = createStageMode();
    stage.enter();
    expect(stageAction('PageUp', stage, null)).toBeUndefined();
    expect(stageAction('Escape', stage, null)).toBe(stage.leave);
  });
});
