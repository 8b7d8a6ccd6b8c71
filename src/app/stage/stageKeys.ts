/**
 * The keys of stage mode, including those a presentation clicker sends (Page Up / Page Down, arrows,
 * B or "." to blank). They are heard before the page's own shortcuts and controls, and only on stage.
 */
import { onDispose } from '../../shared/ui/lifetime.ts';
import { typingInto } from '../shortcuts.ts';
import type { StageTemperatureControl } from './screenStage.ts';
import type { StageMode } from './stageMode.ts';

const BLANK_KEYS = new Set(['b', 'B', '.']);
/** Any of these brings a blanked screen back (and does nothing else). */
const CLICKER_KEYS = new Set([
  'PageUp',
  'PageDown',
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  ' ',
  'Enter',
]);

/** The stage's own temperature slider has the focus on stage: its keys are the stage's keys. */
function isSlider(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement && target.type === 'range';
}

/** What a key does on stage, or undefined to leave it to the page. */
export function stageAction(
  key: string,
  stage: StageMode,
  temperature: StageTemperatureControl | null,
): (() => void) | undefined {
  if (key === 'Escape') return stage.leave;
  if (BLANK_KEYS.has(key)) return () => stage.setBlanked(true);
  const slides = stage.slideNavigator.peek();
  if (slides) {
    if (key === 'PageDown' || key === 'ArrowRight' || key === ' ') return () => slides.next();
    if (key === 'PageUp' || key === 'ArrowLeft') return () => slides.previous();
  }
  if (!temperature) return undefined;
  if (key === 'ArrowUp' || (!slides && (key === 'PageUp' || key === 'ArrowRight'))) return temperature.warmer;
  if (key === 'ArrowDown' || (!slides && (key === 'PageDown' || key === 'ArrowLeft')))
    return temperature.colder;
  return undefined;
}

/** Listens for the stage's keys until the current rendering ends. */
export function installStageKeys(
  stage: StageMode,
  temperature: () => StageTemperatureControl | null,
  help: HTMLDialogElement,
): void {
  const onKey = (event: KeyboardEvent) => {
    if (!stage.active.peek() || event.ctrlKey || event.metaKey || event.altKey) return;
    if (help.open || (typingInto(event.target) && !isSlider(event.target))) return;
    let action: (() => void) | undefined;
    if (stage.blanked.peek()) {
      if (event.key === 'Escape') action = stage.leave;
      else if (BLANK_KEYS.has(event.key) || CLICKER_KEYS.has(event.key))
        action = () => stage.setBlanked(false);
    } else {
      action = stageAction(event.key, stage, temperature());
    }
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    action();
  };
  // Capture: the stage's meaning of an arrow or Page key comes before the focused slider's own.
  document.addEventListener('keydown', onKey, true);
  onDispose(() => document.removeEventListener('keydown', onKey, true));
}
