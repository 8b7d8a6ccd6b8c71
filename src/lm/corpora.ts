/**
 * The bundled training texts: the manifest written by scripts/extract-corpora.ts, and their URLs in the
 * build. Texts are fetched when chosen, not bundled into the JavaScript.
 */
import manifest from '../../assets/corpora/index.json';
import { CodedError } from '../core/errors.ts';
import type { CorpusEntry } from '../core/lm/corpus.ts';

const urls = import.meta.glob('../../assets/corpora/*.txt', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export const CORPORA: readonly CorpusEntry[] = manifest;

export async function loadCorpus(id: string): Promise<string> {
  const entry = CORPORA.find((corpus) => corpus.id === id);
  const url = entry ? urls[`../../assets/corpora/${entry.file}`] : undefined;
  if (!entry || !url) throw new CodedError('corpus.unknown', { id });
  const response = await fetch(url);
  if (!response.ok) {
    throw new CodedError('corpus.loadFailed', { id, title: entry.title, status: response.status });
  }
  return response.text();
}
