import { expect, test } from 'vitest';
import { createLanguageScreenModel, EXAMPLE_CONTEXTS } from './model.ts';

test('the screen opens on a text in the interface language, with a context from that text', () => {
  const english = createLanguageScreenModel('en');
  expect(english.corpusId.value).toBe('en-sotu');
  expect(english.context.value).toBe('The state of our ');
  const russian = createLanguageScreenModel('ru');
  expect(russian.corpusId.value).toBe('ru-udhr');
  expect(russian.context.value).toBe('Каждый человек имеет право на ');
});

test('an example context nobody edited follows the text; an edited one stays', () => {
  const state = createLanguageScreenModel('ru');
  state.chooseCorpus('fr-udhr');
  expect(state.context.value).toBe(EXAMPLE_CONTEXTS['fr-udhr']);
  state.context.set('Mon propre texte ');
  state.chooseCorpus('de-udhr');
  expect(state.corpusId.value).toBe('de-udhr');
  expect(state.context.value).toBe('Mon propre texte ');
});

test('every example context is a phrase its text really contains', async () => {
  const { readFile } = await import('node:fs/promises');
  for (const [id, context] of Object.entries(EXAMPLE_CONTEXTS)) {
    const text = await readFile(new URL(`../../../assets/corpora/${id}.txt`, import.meta.url), 'utf8');
    expect(text, id).toContain(context);
  }
});
