/**
 * Opening a real model: a .gguf file from disk (picker or drop), or one fetched from an address into the
 * browser's storage; what is loaded, what is stored, and why something was refused, beside the controls.
 * Token texts and file names are data: they go in as text, never as markup.
 */
import { h, textInput } from '../../shared/ui/dom.ts';
import { createField } from '../../shared/ui/field.ts';
import { formatCount, formatNumber } from '../../shared/ui/format.ts';
import { effect } from '../../shared/ui/lifetime.ts';
import type { Strings } from '../../strings/en.ts';
import { errorText } from '../../strings/messageTable.ts';
import type { LanguageScreenModel } from './model.ts';

/** Megabytes for a person: three significant figures. */
function megabytes(bytes: number): string {
  return formatNumber(bytes / 1e6, 3);
}

export function createRealModelControls(state: LanguageScreenModel, allStrings: Strings): HTMLElement {
  const strings = allStrings.realModel;
  const { real } = state;

  const file = h('input', { type: 'file', id: 'real-model-file', accept: '.gguf' });
  const fileField = createField(strings.fileLabel, file, strings.fileHint);
  const drop = h('div', { class: 'real-model-drop', id: 'real-model-drop' }, fileField.root);

  const url = textInput('real-model-url');
  url.placeholder = 'https://huggingface.co/…/resolve/main/…gguf';
  const urlField = createField(strings.urlLabel, url, strings.urlHint);
  const check = h('button', { type: 'button', id: 'real-model-check' }, strings.checkSize);
  const fetchButton = h(
    'button',
    { type: 'button', id: 'real-model-download', class: 'primary' },
    strings.download,
  );
  const cancel = h('button', { type: 'button', id: 'real-model-cancel' }, strings.cancel);
  const progress = h('progress', { id: 'real-model-progress', max: 1 });
  const status = h('p', { class: 'note', id: 'real-model-status', 'aria-live': 'polite' });
  const refusal = h('p', { class: 'field-error', id: 'real-model-error', role: 'alert' });

  const info = h('dl', { class: 'readouts real-model-info', id: 'real-model-info' });
  const unload = h('button', { type: 'button', id: 'real-model-unload' }, strings.unload);
  const loaded = h('div', { class: 'real-model-loaded' }, info, h('div', { class: 'button-row' }, unload));
  const storedList = h('ul', { class: 'real-model-stored', id: 'real-model-stored' });
  const storedNote = h('p', { class: 'note', id: 'real-model-storage' });

  const open = (chosen: File | undefined) => {
    if (chosen) void real.open(chosen, chosen.name);
  };
  file.addEventListener('change', () => {
    open(file.files?.[0]);
    file.value = '';
  });
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.dataset.over = 'true';
  });
  drop.addEventListener('dragleave', () => {
    delete drop.dataset.over;
  });
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    delete drop.dataset.over;
    open(event.dataTransfer?.files[0]);
  });
  check.addEventListener('click', () => void real.probe(url.value.trim()));
  fetchButton.addEventListener('click', () => void real.fetchModel(url.value.trim()));
  cancel.addEventListener('click', () => real.cancelDownload());
  unload.addEventListener('click', () => void real.unload());
  url.addEventListener('input', () => real.forgetProbe());

  effect(() => {
    const activity = real.activity.value;
    const busy = activity.kind !== 'idle';
    const downloading = activity.kind === 'downloading';
    file.disabled = busy;
    check.disabled = busy;
    cancel.hidden = !downloading;
    progress.hidden = !busy;
    if (activity.kind === 'downloading') {
      if (activity.total) {
        progress.max = activity.total;
        progress.value = activity.loaded;
      } else {
        progress.removeAttribute('value');
      }
      status.textContent = activity.total
        ? strings.downloading(megabytes(activity.loaded), megabytes(activity.total))
        : strings.downloadingUnknown(megabytes(activity.loaded));
    } else if (activity.kind === 'loading') {
      progress.removeAttribute('value');
      status.textContent = strings.loading(activity.name);
    } else {
      status.textContent = real.computing.value ? strings.computing : '';
    }
    const probe = real.probed.value;
    fetchButton.disabled = busy || probe === null;
    fetchButton.textContent =
      probe === null
        ? strings.download
        : probe.bytes === null
          ? strings.downloadUnknownSize
          : strings.downloadSize(megabytes(probe.bytes));
  });

  effect(() => {
    const error = real.refusal.value;
    refusal.hidden = error === null;
    refusal.textContent = error === null ? '' : errorText(allStrings, error);
  });

  effect(() => {
    const session = real.session.value;
    loaded.hidden = session === null;
    if (!session) return;
    const { model } = session;
    const row = (term: string, value: string, id: string) =>
      h('div', { class: 'readout' }, h('dt', {}, term), h('dd', { id }, value));
    info.replaceChildren(
      row(strings.infoName, model.name, 'real-model-name'),
      row(strings.infoArchitecture, model.header.architecture, 'real-model-architecture'),
      row(strings.infoVocabulary, formatCount(model.vocabularySize), 'real-model-vocabulary'),
      row(strings.infoContext, formatCount(model.contextLength), 'real-model-context'),
      row(strings.infoSize, strings.sizeMegabytes(megabytes(model.sizeBytes)), 'real-model-size'),
      row(strings.infoLoadTime, strings.milliseconds(formatNumber(model.loadMs, 3)), 'real-model-load-time'),
    );
  });

  effect(() => {
    const models = real.stored.value;
    storedList.replaceChildren(
      ...models.map((model) => {
        const openButton = h('button', { type: 'button', class: 'stored-open' }, strings.openStored);
        const deleteButton = h('button', { type: 'button', class: 'stored-delete' }, strings.deleteStored);
        openButton.addEventListener('click', () => void real.openStored(model));
        deleteButton.addEventListener('click', () => void real.deleteStored(model));
        return h(
          'li',
          { 'data-id': model.id },
          h('span', { class: 'stored-name' }, model.name),
          h('span', { class: 'stored-size' }, strings.sizeMegabytes(megabytes(model.sizeBytes))),
          h('span', { class: 'button-row' }, openButton, deleteButton),
        );
      }),
    );
    storedNote.textContent = models.length === 0 ? strings.storedNone : strings.storedSome(models.length);
  });
  void real.refreshStored();

  return h(
    'fieldset',
    { class: 'panel real-model-controls', id: 'real-model-controls' },
    h('legend', {}, strings.heading),
    h('p', { class: 'note' }, strings.intro),
    drop,
    urlField.root,
    h('div', { class: 'button-row' }, check, fetchButton, cancel),
    progress,
    status,
    refusal,
    loaded,
    h('h3', {}, strings.storedHeading),
    storedList,
    storedNote,
    h('p', { class: 'note' }, strings.tokenMarks),
  );
}
