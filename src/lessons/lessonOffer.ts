/**
 * What a shared lesson link shows on opening: an offer to play the lesson (or keep it among one's own
 * lessons), or, for a lesson refused at the door, the reason. Either way the app keeps its state.
 */
import { h } from '../shared/ui/dom.ts';
import { messageOf } from '../shared/ui/field.ts';
import type { Strings } from '../strings/en.ts';
import type { Lesson } from './lesson.ts';

export function lessonOfferNotice(
  strings: Strings,
  lesson: Lesson,
  actions: { play(): void; save(): void },
): HTMLElement {
  const texts = strings.lessons;
  const play = h('button', { type: 'button', class: 'primary', id: 'lesson-offer-play' }, texts.linkPlay);
  const save = h('button', { type: 'button', id: 'lesson-offer-save' }, texts.linkSave);
  const dismiss = h('button', { type: 'button', id: 'lesson-offer-dismiss' }, strings.dismiss);
  const notice = h(
    'p',
    { class: 'notice', role: 'status', id: 'lesson-offer' },
    texts.linkOffer(lesson.title || texts.untitled, lesson.slides.length),
    h('span', { class: 'lesson-offer-buttons' }, play, save, dismiss),
  );
  play.addEventListener('click', () => {
    notice.remove();
    actions.play();
  });
  save.addEventListener('click', () => {
    actions.save();
    save.replaceWith(texts.linkSaved);
  });
  dismiss.addEventListener('click', () => notice.remove());
  return notice;
}

export function lessonRefusedNotice(strings: Strings, error: unknown): HTMLElement {
  const dismiss = h('button', { type: 'button' }, strings.dismiss);
  const notice = h(
    'p',
    { class: 'notice', role: 'alert', id: 'lesson-refused-notice' },
    strings.lessons.linkRefused(messageOf(strings, error)),
    ' ',
    dismiss,
  );
  dismiss.addEventListener('click', () => notice.remove());
  return notice;
}
