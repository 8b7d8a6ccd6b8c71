/**
 * The clicker's keys while a lesson plays: Page Down and → go on, Page Up and ← go back, Escape ends.
 * Stage mode maps these keys to the navigator itself; this listener is on the window and skips a key
 * anything else has already handled, so the two never both act on one press. It stays out of fields,
 * sliders and lists, where the keys mean something else.
 */
import type { SlideNavigator, StageMode } from '../app/stage/stageMode.ts';

function usesKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !['checkbox', 'radio', 'button'].includes((target as HTMLInputElement).type);
}

export function installLessonKeys(stage: StageMode, navigator: SlideNavigator, end: () => void): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (usesKeys(event.target) || document.querySelector('dialog[open]')) return;
    // The stage's own navigator, if it is still this lesson's.
    if (stage.slideNavigator.peek() !== navigator) return;
    const action =
      event.key === 'PageDown' || event.key === 'ArrowRight'
        ? navigator.next
        : event.key === 'PageUp' || event.key === 'ArrowLeft'
          ? navigator.previous
          : event.key === 'Escape'
            ? end
            : null;
    if (!action) return;
    event.preventDefault();
    action();
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
