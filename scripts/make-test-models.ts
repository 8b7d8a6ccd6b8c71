/**
 * Writes the committed test model tests/fixtures/bigram-spm.gguf (the exact-answer bigram model, for trying
 * the real-model source without downloading anything). Idempotent: the builder is deterministic, so a run
 * rewrites the same bytes. Usage: npx tsx scripts/make-test-models.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { bigramModel } from '../tests/fixtures/gguf/testModels.ts';

const target = new URL('../tests/fixtures/bigram-spm.gguf', import.meta.url);
const { bytes } = bigramModel();
let previous: Uint8Array | null = null;
try {
  previous = readFileSync(target);
} catch {
  previous = null;
}
const unchanged = previous !== null && Buffer.compare(Buffer.from(previous), Buffer.from(bytes)) === 0;
if (!unchanged) writeFileSync(target, bytes);
console.log(`tests/fixtures/bigram-spm.gguf: ${bytes.length} bytes${unchanged ? ' (unchanged)' : ''}`);
