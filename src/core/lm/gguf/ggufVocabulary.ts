/** The vocabulary a GGUF file stores in its tokenizer.ggml.* metadata. */
import { InputError } from '../../errors.ts';
import { GgufValueType } from './ggufFormat.ts';
import { corrupt, type GgufArray, type GgufValue } from './ggufMetadata.ts';

export interface GgufVocabulary {
  /** tokenizer.ggml.model: 'llama' (SentencePiece), 'gpt2' (byte-level BPE), 'bert', 't5', 'rwkv', … */
  readonly model: string;
  /** tokenizer.ggml.tokens, by id. */
  readonly tokens: readonly string[];
  /** tokenizer.ggml.token_type (TokenType codes), or null if the file has none. */
  readonly types: Int32Array | null;
  readonly bosId: number | null;
  readonly eosId: number | null;
}

function isArray(value: GgufValue | undefined): value is GgufArray {
  return typeof value === 'object' && value !== null && value.kind === 'array';
}

export function readVocabulary(metadata: ReadonlyMap<string, GgufValue>): GgufVocabulary {
  const tokens = metadata.get('tokenizer.ggml.tokens');
  const model = metadata.get('tokenizer.ggml.model');
  if (tokens === undefined || model === undefined) throw new InputError('gguf.noVocabulary', {});
  if (!isArray(tokens) || tokens.itemType !== GgufValueType.STRING) {
    throw corrupt('keyType', { at: 'tokenizer.ggml.tokens' });
  }
  if (typeof model !== 'string') throw corrupt('keyType', { at: 'tokenizer.ggml.model' });
  const list = tokens.items as readonly string[];
  if (list.length === 0) throw new InputError('gguf.noVocabulary', {});
  return {
    model,
    tokens: list,
    types: tokenTypes(metadata.get('tokenizer.ggml.token_type'), list.length),
    bosId: tokenId(metadata.get('tokenizer.ggml.bos_token_id'), list.length),
    eosId: tokenId(metadata.get('tokenizer.ggml.eos_token_id'), list.length),
  };
}

function tokenTypes(value: GgufValue | undefined, count: number): Int32Array | null {
  if (value === undefined) return null;
  const at = { at: 'tokenizer.ggml.token_type' };
  if (!isArray(value)) throw corrupt('keyType', at);
  const { items, itemType } = value;
  const integer =
    itemType === GgufValueType.INT32 ||
    itemType === GgufValueType.UINT32 ||
    itemType === GgufValueType.INT8 ||
    itemType === GgufValueType.UINT8 ||
    itemType === GgufValueType.INT16 ||
    itemType === GgufValueType.UINT16;
  if (!integer) throw corrupt('keyType', at);
  if (items.length !== count) throw corrupt('tokenTypes', at);
  return items instanceof Int32Array ? items : Int32Array.from(items as ArrayLike<number>);
}

/** A token id from any integer type, or null if absent or not an id of this vocabulary. */
function tokenId(value: GgufValue | undefined, count: number): number | null {
  const id = typeof value === 'bigint' ? Number(value) : value;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 && id < count ? id : null;
}
