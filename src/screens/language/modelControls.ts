import { InputError } from '../../core/errors.ts';
import { MAX_ORDER, MIN_ORDER } from '../../core/lm/ngram.ts';
import { CORPORA } from '../../lm/corpora.ts';
import { h } from '../../shared/ui/dom.ts';
import { createField } from '../../shared/ui/field.ts';
import { formatCount, formatNumber } from '../../shared/ui/format.ts';
import { effect } from '../../shared/ui/lifetime.ts';
import type { Strings } from '../../strings/en.ts';
import { errorText } from '../../strings/messageTable.ts';
import type { LanguageScreenModel } from './model.ts';

const OWN_TEXT = 'own';
/** Files larger than this are refused before reading (the model caps training text too). */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Chooses the training text and the order, and trains the model off the main thread. */
export function createModelControls(state: LanguageScreenModel, strings: Strings): HTMLElement {
  const corpus = h('select', { id: 'corpus-select' });
  // No lang attribute on the options: a title is written in the interface's language, not the text's.
  for (const entry of CORPORA)
    corpus.append(h('option', { value: entry.id }, strings.corpusTitle(entry.id, entry.title)));
  corpus.append(h('option', { value: OWN_TEXT }, strings.ownText));
  const corpusField = createField(strings.corpusLabel, corpus);

  const order = h('select', { id: 'order-select' });
  for (let n = MIN_ORDER; n <= MAX_ORDER; n++) order.append(h('option', { value: n }, String(n)));
  const orderField = createField(strings.orderLabel, order);

  const ownText = h('textarea', { id: 'own-text', rows: 5, spellcheck: 'false' });
  const ownTextField = createField(strings.ownTextLabel, ownText);
  const file = h('input', { type: 'file', id: 'own-text-file', accept: '.txt,text/plain' });
  const fileField = createField(strings.ownTextFileLabel, file);
  const train = h('button', { type: 'button', id: 'train-button', class: 'primary' }, strings.train);
  const ownPanel = h(
    'div',
    { class: 'own-text-panel' },
    ownTextField.root,
    fileField.root,
    h('div', { class: 'button-row' }, train),
  );
  const status = h('p', { class: 'note', id: 'training-status', 'aria-live': 'polite' });

  /** What stopped a training run, for its field (null: nothing did). */
  const shown = (error: unknown) => (error === null ? null : errorText(strings, error));
  const tooLarge = (file: File) =>
    errorText(
      strings,
      new InputError('file.tooLarge', {
        megabytes: Number((file.size / 1e6).toPrecision(3)),
        limit: MAX_FILE_BYTES / (1024 * 1024),
      }),
    );

  async function trainSelected(): Promise<void> {
    if (corpus.value === OWN_TEXT) {
      ownTextField.setError(shown(await state.train(ownText.value)));
    } else {
      corpusField.setError(shown(await state.trainOnCorpus(corpus.value)));
    }
  }

  corpus.addEventListener('change', () => {
    state.chooseCorpus(corpus.value);
    if (corpus.value !== OWN_TEXT) void trainSelected();
  });
  order.addEventListener('change', () => {
    state.order.set(Number(order.value));
    void trainSelected();
  });
  train.addEventListener('click', () => void trainSelected());
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    if (chosen.size > MAX_FILE_BYTES) {
      fileField.setError(tooLarge(chosen));
      return;
    }
    fileField.setError(null);
    ownText.value = await chosen.text();
    void state.train(ownText.value).then((error) => ownTextField.setError(shown(error)));
  });
  ownText.addEventListener('dragover', (event) => event.preventDefault());
  ownText.addEventListener('drop', async (event) => {
    const dropped = event.dataTransfer?.files?.[0];
    if (!dropped) return;
    event.preventDefault();
    if (dropped.size > MAX_FILE_BYTES) {
      ownTextField.setError(tooLarge(dropped));
      return;
    }
    ownText.value = await dropped.text();
    void state.train(ownText.value).then((error) => ownTextField.setError(shown(error)));
  });

  effect(() => {
    corpus.value = state.corpusId.value;
    order.value = String(state.order.value);
    ownPanel.hidden = state.corpusId.value !== OWN_TEXT;
  });
  effect(() => {
    const current = state.training.value;
    const text =
      current.kind === 'idle'
        ? strings.trainingStatusIdle
        : current.kind === 'training'
          ? strings.trainingStatusTraining(formatCount(current.characters))
          : current.kind === 'ready'
            ? strings.trainingStatusReady(
                formatCount(current.characters),
                formatNumber(current.milliseconds, 3),
                current.inWorker ? strings.trainingInWorker : strings.trainingOnPage,
              )
            : errorText(strings, current.error);
    status.textContent = text;
    status.classList.toggle('field-error', current.kind === 'error');
  });

  if (state.model.peek() === null && state.training.peek().kind !== 'training') void trainSelected();
  return h(
    'fieldset',
    { class: 'panel', id: 'model-controls' },
    h('legend', {}, strings.modelHeading),
    corpusField.root,
    ownPanel,
    orderField.root,
    status,
  );
}
