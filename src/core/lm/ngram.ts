/**
 * A character-level n-gram language model with interpolated modified Kneser–Ney smoothing
 * (Chen & Goodman 1998, "An empirical study of smoothing techniques for language modeling", §3.5).
 *
 * P_k(w | h) for a context h of k − 1 characters is
 *
 *     P_k(w | h) = max(c_k(h w) − D_k(c_k(h w)), 0) / c_k(h ·) + γ_k(h) · P_{k−1}(w | h⁻)
 *     γ_k(h)     = (D_k1 N1(h ·) + D_k2 N2(h ·) + D_k3+ N3+(h ·)) / c_k(h ·)
 *
 * where h⁻ drops the first character of h, N_r(h ·) counts the characters that followed h exactly r times
 * (3 or more for N3+), and c_k is the raw count at the model's highest order and the continuation count
 * (the number of distinct characters seen to the left, start of text included) at every lower order. A
 * context never seen in training has c_k(h ·) = 0 and simply hands over to P_{k−1}. Below order 1 sits the
 * uniform distribution 1/V over the vocabulary, so every character of the vocabulary keeps a positive
 * probability in every context: the discounts are positive, so some mass always reaches the floor.
 *
 * Storage: all n-grams of lengths 1..order form a trie whose nodes are numbered breadth-first with each
 * node's children in vocabulary order, so the children of node v are exactly the nodes
 * firstChild[v] .. firstChild[v + 1] − 1. A node is the string it spells; its count is the (raw or
 * continuation) count of that n-gram, and its suffix link points at the node of the string minus its first
 * character: the chain of contexts a query backs off along. Four Int32Arrays hold the whole model, so it
 * crosses from a worker to the page by transfer, without copying.
 */
import { InputError } from '../errors.ts';
import { MAX_TRAINING_CHARACTERS, normalizeContext, normalizeText } from './corpus.ts';

export const MIN_ORDER = 1;
export const MAX_ORDER = 8;
/**
 * Trie nodes (distinct n-grams of all orders, plus the root) a model may have. Training peaks at about
 * 60–90 bytes per node (the table doubles), so this bounds a worker near 400 MB. For scale: 480 KB of
 * English at order 8 makes 0.64 million nodes; 5 MB (the text cap) makes 2.5 million.
 */
export const MAX_NODES = 1 << 22;

const ROOT = 0;

/** Everything a model is made of: plain data and typed arrays, safe to structured-clone or transfer. */
export interface NgramModelData {
  /** Highest order: 1 is a unigram model, 5 conditions on four preceding characters. */
  order: number;
  /** The characters, in code-point order; distributions are indexed the same way. */
  vocabulary: string[];
  /** D1, D2, D3+ for each order k = 1..order, at [3(k − 1)], [3(k − 1) + 1], [3(k − 1) + 2]. */
  discounts: Float64Array;
  /** First node of depth k is levelStart[k], for k = 0..order + 1 (levelStart[order + 1] = node count). */
  levelStart: Int32Array;
  /** Children of node v: firstChild[v] .. firstChild[v + 1] − 1. Length: node count + 1. */
  firstChild: Int32Array;
  /** Vocabulary index of a node's last character (−1 for the root). */
  symbol: Int32Array;
  /** Raw count for nodes of depth `order`, continuation count for shallower nodes. */
  count: Int32Array;
  /** The node of this node's string minus its first character (the root for depth 1 and for the root). */
  suffixLink: Int32Array;
  /** Characters (code points) in the normalised training text. */
  trainingCharacters: number;
}

/** How well a model predicts a text: the cross-entropy of its characters under the model. */
export interface CrossEntropy {
  /** Mean −log2 p(character | preceding characters) over the characters scored. */
  bitsPerCharacter: number;
  /** 2^bitsPerCharacter: the effective number of equally likely choices per character. */
  perplexity: number;
  /** Characters scored. */
  scored: number;
  /** Characters skipped because they are not in the vocabulary (their probability is 0). */
  unknown: number;
}

function checkOrder(order: number): void {
  if (!Number.isInteger(order) || order < MIN_ORDER || order > MAX_ORDER) {
    throw new InputError('model.order', { min: MIN_ORDER, max: MAX_ORDER, got: String(order) });
  }
}

/**
 * The cheap checks, which the page can run before handing a long text to a worker. Throws InputError for
 * a text that is not a string or is too long, or for an order outside MIN_ORDER..MAX_ORDER.
 */
export function validateTrainingInput(text: unknown, order: number): void {
  if (typeof text !== 'string') throw new InputError('training.notText', {});
  if (text.length > MAX_TRAINING_CHARACTERS) {
    const millions = Number((text.length / 1e6).toFixed(1));
    throw new InputError('training.tooLong', { millions, limit: MAX_TRAINING_CHARACTERS / 1e6 });
  }
  checkOrder(order);
}

/**
 * Modified Kneser–Ney discounts from the counts of counts n1..n4 of one order (Chen & Goodman, eq. 26):
 * Y = n1 / (n1 + 2 n2), D_r = r − (r + 1) Y n_{r+1} / n_r.
 *
 * On small texts some n_r are 0, and the formulas then fail or give extreme values (n3 = 0 makes D2 = 2,
 * which leaves a pair seen twice less probable than one seen once). So each D_r is kept in
 * (0, min(r, 1 + D_{r−1})]: positive, so that mass always reaches the lower orders and the uniform floor;
 * and small enough that the discounted count r − D_r never decreases with r. An undefined or non-positive
 * D_r takes the previous discount (Y for D1; 1/2 when there are no singletons at all). On the shipped
 * corpora at order 8 the caps change one discount of 48 (D3+ of the Russian declaration's unigrams).
 */
export function estimateDiscounts(n1: number, n2: number, n3: number, n4: number): [number, number, number] {
  const y = n1 > 0 ? n1 / (n1 + 2 * n2) : 0.5;
  const n = [n1, n2, n3, n4];
  const discounts: [number, number, number] = [y, y, y];
  let previous = y;
  for (let r = 1; r <= 3; r++) {
    let d = n[r - 1] > 0 ? r - ((r + 1) * y * n[r]) / n[r - 1] : Number.NaN;
    if (!(d > 0)) d = previous;
    d = Math.min(d, r, r === 1 ? 1 : 1 + previous);
    discounts[r - 1] = d;
    previous = d;
  }
  return discounts;
}

/**
 * Training-time trie: nodes in creation order, found by (parent, symbol) through an open-addressing table
 * whose slots hold the key next to the node id, so that a probe touches one cache line instead of three
 * arrays: with millions of nodes, counting is bound by memory latency, not arithmetic.
 */
class GrowingTrie {
  parent: Int32Array;
  symbol: Int32Array;
  count: Int32Array;
  link: Int32Array;
  size = 1; // the root
  private slots: Int32Array; // [parent, symbol, node id + 1] per slot; id + 1 = 0 marks an empty slot
  private mask: number;

  constructor(expectedNodes: number) {
    let capacity = 1 << 12;
    while (capacity < expectedNodes && capacity < MAX_NODES) capacity *= 2;
    this.parent = new Int32Array(capacity);
    this.symbol = new Int32Array(capacity);
    this.count = new Int32Array(capacity);
    this.link = new Int32Array(capacity);
    this.parent[ROOT] = -1;
    this.symbol[ROOT] = -1;
    this.slots = new Int32Array(capacity * 2 * 3);
    this.mask = capacity * 2 - 1;
  }

  /** The child of `parent` by `symbol`: its id if it existed, ~id (negative) if it was just created. */
  child(parent: number, symbol: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let h = Math.imul(parent ^ Math.imul(symbol, 0x9e3779b1), 0x85ebca6b);
    h = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const at = 3 * h;
      const entry = slots[at + 2];
      if (entry === 0) break;
      if (slots[at] === parent && slots[at + 1] === symbol) return entry - 1;
      h = (h + 1) & mask;
    }
    if (this.size === this.parent.length) {
      this.grow();
      return this.child(parent, symbol);
    }
    const id = this.size++;
    this.parent[id] = parent;
    this.symbol[id] = symbol;
    const at = 3 * h;
    slots[at] = parent;
    slots[at + 1] = symbol;
    slots[at + 2] = id + 1;
    return ~id;
  }

  private grow(): void {
    const capacity = this.parent.length * 2;
    if (capacity > MAX_NODES) {
      throw new InputError('training.tooVaried', { limit: MAX_NODES });
    }
    const widen = (a: Int32Array) => {
      const b = new Int32Array(capacity);
      b.set(a);
      return b;
    };
    this.parent = widen(this.parent);
    this.symbol = widen(this.symbol);
    this.count = widen(this.count);
    this.link = widen(this.link);
    const slotCount = capacity * 2;
    const slots = new Int32Array(slotCount * 3);
    const mask = slotCount - 1;
    for (let id = 1; id < this.size; id++) {
      const parent = this.parent[id];
      const symbol = this.symbol[id];
      let h = Math.imul(parent ^ Math.imul(symbol, 0x9e3779b1), 0x85ebca6b);
      h = (h ^ (h >>> 15)) & mask;
      while (slots[3 * h + 2] !== 0) h = (h + 1) & mask;
      slots[3 * h] = parent;
      slots[3 * h + 1] = symbol;
      slots[3 * h + 2] = id + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }

  /** Frees the lookup table once counting is done, before the layout allocates its own arrays. */
  dropIndex(): void {
    this.slots = new Int32Array(0);
    this.mask = 0;
  }
}

interface EncodedText {
  ids: Int32Array;
  vocabulary: string[];
}

/** Code points of the text as vocabulary indices, the vocabulary being the distinct code points in order. */
function encode(text: string): EncodedText {
  // One pass numbers characters by first appearance; a second renumbers them in code-point order.
  const ids = new Int32Array(text.length);
  let length = 0;
  const bmpFirst = new Int32Array(0x10000).fill(-1);
  const astralFirst = new Map<number, number>();
  const codePointOf: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        c = ((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    let id: number;
    if (c < 0x10000) {
      id = bmpFirst[c];
      if (id < 0) {
        id = bmpFirst[c] = codePointOf.length;
        codePointOf.push(c);
      }
    } else {
      id = astralFirst.get(c) ?? -1;
      if (id < 0) {
        id = codePointOf.length;
        astralFirst.set(c, id);
        codePointOf.push(c);
      }
    }
    ids[length++] = id;
  }
  const byCodePoint = codePointOf.map((_, id) => id).sort((x, y) => codePointOf[x] - codePointOf[y]);
  const rank = new Int32Array(byCodePoint.length);
  byCodePoint.forEach((id, r) => {
    rank[id] = r;
  });
  for (let i = 0; i < length; i++) ids[i] = rank[ids[i]];
  return {
    ids: length === ids.length ? ids : ids.slice(0, length),
    vocabulary: byCodePoint.map((id) => String.fromCodePoint(codePointOf[id])),
  };
}

/**
 * Counts every n-gram of length 1..order. At position i the n-grams ending there are visited longest
 * first: the longest gets its raw count (at the top order) or, at the very start of the text, one
 * continuation for the start-of-text "left neighbour"; each n-gram seen for the first time adds one
 * continuation to its suffix, which is the next one visited. Once an n-gram already existed, all its
 * suffixes did too and none of their counts change, so the rest of the chain comes from suffix links
 * without any hashing.
 */
function countNgrams(ids: Int32Array, order: number): GrowingTrie {
  const n = ids.length;
  // Prose needs from about a quarter of a node per character (order 5) to about one and a half (order
  // 8). Start at the low end and let the table double: zeroing memory that is never used costs more,
  // in a browser especially, than the few rehashes.
  const trie = new GrowingTrie(Math.min(n >> 2, 1 << 20));
  // context[L] = node of the L characters before the current position, valid for L = 0 and for
  // known <= L <= min(i, order − 1); the shorter ones are derived from suffix links only when a search
  // reaches them, which for common n-grams it never does.
  const context = new Int32Array(order);
  let known = 1;
  const ending = new Int32Array(order + 1); // ending[L] = node of the L characters ending at the position
  for (let i = 0; i < n; i++) {
    const w = ids[i];
    const longest = Math.min(i, order - 1) + 1;
    let length = longest;
    let created = -1;
    for (; length >= 1; length--) {
      const l = length - 1;
      if (l > 0 && l < known) {
        context[l] = trie.link[context[l + 1]];
        known = l;
      }
      const found = trie.child(context[l], w);
      const id = found >= 0 ? found : ~found;
      if (created >= 0) trie.link[created] = id;
      // Raw count at the top order; otherwise one more distinct left neighbour: the n-gram just
      // created, or the start of the text for the prefix text[0..i].
      if (length === order || created >= 0 || length === i + 1) trie.count[id]++;
      ending[length] = id;
      if (found >= 0) break;
      created = id;
    }
    if (length === 0) trie.link[created] = ROOT;
    const next = Math.min(longest, order - 1);
    const lowest = length === 0 ? 1 : length;
    if (lowest <= next) {
      for (let l = lowest; l <= next; l++) context[l] = ending[l];
      known = lowest;
    } else if (next >= 1) {
      context[next] = trie.link[ending[lowest]];
      known = next;
    }
  }
  return trie;
}

/** Renumbers the trie breadth-first with children in symbol order, into the model's flat layout. */
function layOut(trie: GrowingTrie, vocabularySize: number, order: number) {
  const size = trie.size;
  // Counting sort by symbol, then a stable counting sort by parent: children grouped, each group sorted.
  const bySymbolStart = new Int32Array(vocabularySize + 1);
  for (let id = 1; id < size; id++) bySymbolStart[trie.symbol[id] + 1]++;
  for (let s = 0; s < vocabularySize; s++) bySymbolStart[s + 1] += bySymbolStart[s];
  const bySymbol = new Int32Array(size - 1);
  for (let id = 1; id < size; id++) bySymbol[bySymbolStart[trie.symbol[id]]++] = id;
  const childStart = new Int32Array(size + 1);
  for (let id = 1; id < size; id++) childStart[trie.parent[id] + 1]++;
  for (let p = 0; p < size; p++) childStart[p + 1] += childStart[p];
  const grouped = new Int32Array(size - 1);
  const cursor = childStart.slice(0, size);
  for (let j = 0; j < size - 1; j++) {
    const id = bySymbol[j];
    grouped[cursor[trie.parent[id]]++] = id;
  }

  const oldOf = new Int32Array(size);
  const newOf = new Int32Array(size);
  const firstChild = new Int32Array(size + 1);
  const levelStart = new Int32Array(order + 2);
  let next = 1;
  let depthEnd = 1; // first new id beyond the current depth
  let depth = 0;
  for (let head = 0; head < size; head++) {
    if (head === depthEnd) {
      depth++;
      levelStart[depth] = head;
      depthEnd = next;
    }
    const old = oldOf[head];
    firstChild[head] = next;
    for (let j = childStart[old]; j < childStart[old + 1]; j++) {
      const child = grouped[j];
      oldOf[next] = child;
      newOf[child] = next;
      next++;
    }
  }
  firstChild[size] = size;
  for (let d = depth + 1; d <= order + 1; d++) levelStart[d] = size;

  const symbol = new Int32Array(size);
  const count = new Int32Array(size);
  const suffixLink = new Int32Array(size);
  symbol[ROOT] = -1;
  for (let id = 1; id < size; id++) {
    const old = oldOf[id];
    symbol[id] = trie.symbol[old];
    count[id] = trie.count[old];
    suffixLink[id] = newOf[trie.link[old]];
  }
  return { levelStart, firstChild, symbol, count, suffixLink };
}

/**
 * Trains a model of the given order (1..MAX_ORDER) on a text, after normalizeText. Throws InputError for
 * an empty text, a text over MAX_TRAINING_CHARACTERS, an order out of range, or a text with more than
 * MAX_NODES distinct n-grams at that order.
 */
export function trainNgramModel(text: string, order: number): NgramModel {
  validateTrainingInput(text, order);
  const normalized = normalizeText(text);
  if (normalized.length === 0) {
    throw text.length === 0
      ? new InputError('training.empty', {})
      : new InputError('training.whitespace', {});
  }
  const { ids, vocabulary } = encode(normalized);
  const trie = countNgrams(ids, order);
  trie.dropIndex();
  const layout = layOut(trie, vocabulary.length, order);

  const discounts = new Float64Array(3 * order);
  for (let k = 1; k <= order; k++) {
    const countsOfCounts = [0, 0, 0, 0, 0];
    for (let id = layout.levelStart[k]; id < layout.levelStart[k + 1]; id++) {
      const c = layout.count[id];
      if (c <= 4) countsOfCounts[c]++;
    }
    const [d1, d2, d3] = estimateDiscounts(
      countsOfCounts[1],
      countsOfCounts[2],
      countsOfCounts[3],
      countsOfCounts[4],
    );
    discounts[3 * (k - 1)] = d1;
    discounts[3 * (k - 1) + 1] = d2;
    discounts[3 * (k - 1) + 2] = d3;
  }
  return NgramModel.fromData({ order, vocabulary, discounts, ...layout, trainingCharacters: ids.length });
}

/** A trained model. Queries are synchronous and allocation-free when given an output array. */
export class NgramModel {
  readonly order: number;
  readonly vocabulary: readonly string[];
  readonly trainingCharacters: number;
  private readonly data: NgramModelData;
  private readonly bmpIndex: Int32Array;
  private readonly astralIndex = new Map<number, number>();
  private readonly contextIds: Int32Array;
  private readonly chain: Int32Array;

  /** Rebuilds a model from toData() output, e.g. after it crossed from a worker. */
  static fromData(data: NgramModelData): NgramModel {
    return new NgramModel(data);
  }

  private constructor(data: NgramModelData) {
    checkOrder(data.order);
    const nodes = data.symbol.length;
    if (
      data.vocabulary.length === 0 ||
      data.discounts.length !== 3 * data.order ||
      data.levelStart.length !== data.order + 2 ||
      data.firstChild.length !== nodes + 1 ||
      data.count.length !== nodes ||
      data.suffixLink.length !== nodes
    ) {
      throw new Error('Inconsistent n-gram model data.');
    }
    this.data = data;
    this.order = data.order;
    this.vocabulary = data.vocabulary;
    this.trainingCharacters = data.trainingCharacters;
    this.bmpIndex = new Int32Array(0x10000).fill(-1);
    data.vocabulary.forEach((character, index) => {
      const c = character.codePointAt(0) as number;
      if (c < 0x10000) this.bmpIndex[c] = index;
      else this.astralIndex.set(c, index);
    });
    this.contextIds = new Int32Array(Math.max(1, data.order - 1));
    this.chain = new Int32Array(data.order);
  }

  /** The model's data, sharing its arrays; pass transferables() along when posting it to another thread. */
  toData(): NgramModelData {
    return this.data;
  }

  /** The buffers behind toData(). Transferring them leaves this model unusable. */
  transferables(): ArrayBuffer[] {
    const d = this.data;
    return [d.discounts, d.levelStart, d.firstChild, d.symbol, d.count, d.suffixLink].map(
      (a) => a.buffer as ArrayBuffer,
    );
  }

  /** Number of characters in the vocabulary: the length of every distribution. */
  get size(): number {
    return this.vocabulary.length;
  }

  /** Distinct n-grams of each order k = 1..order, at index k − 1. */
  get distinctNgrams(): number[] {
    const start = this.data.levelStart;
    const counts: number[] = [];
    for (let k = 1; k <= this.order; k++) counts.push(start[k + 1] - start[k]);
    return counts;
  }

  /** The discounts [D1, D2, D3+] of order k (1..order). */
  discounts(k: number): [number, number, number] {
    if (!Number.isInteger(k) || k < 1 || k > this.order) {
      throw new RangeError(`Order ${k} is outside 1..${this.order}.`);
    }
    const d = this.data.discounts;
    return [d[3 * (k - 1)], d[3 * (k - 1) + 1], d[3 * (k - 1) + 2]];
  }

  /** Position of a character in the vocabulary, or −1. */
  indexOf(character: string): number {
    const c = character.codePointAt(0);
    if (c === undefined || character.length !== (c < 0x10000 ? 1 : 2)) return -1;
    return this.idOf(c);
  }

  private idOf(codePoint: number): number {
    return codePoint < 0x10000 ? this.bmpIndex[codePoint] : (this.astralIndex.get(codePoint) ?? -1);
  }

  /**
   * Next-character probabilities after `context`, indexed like `vocabulary`; they sum to 1 for every
   * context. Only the last order − 1 characters matter, and of those only the ones after the last
   * character missing from the vocabulary; the longest suffix of what remains that occurred in training is
   * where the back-off chain starts. The context is used as given: pass it through normalizeContext if it
   * may hold characters (tabs, CRLF, double spaces) that training normalised away.
   */
  distribution(context: string, out?: Float64Array): Float64Array {
    const size = this.vocabulary.length;
    if (out !== undefined && out.length !== size) {
      throw new RangeError(
        `The output array has length ${out.length}; the vocabulary has ${size} characters.`,
      );
    }
    const p = out ?? new Float64Array(size);
    const start = this.readContext(context);
    this.fill(this.deepestContext(this.contextIds, start, this.contextIds.length), p);
    return p;
  }

  /** distribution() for a context normalised first with normalizeContext. */
  distributionAfter(rawContext: string, out?: Float64Array): Float64Array {
    return this.distribution(normalizeContext(rawContext), out);
  }

  /**
   * How many of the context's last characters the prediction actually conditions on: the length of the
   * longest suffix (at most order − 1) that was followed by something in training. 0 means the unigram
   * distribution. Useful to show where the model backed off.
   */
  usedContextLength(context: string): number {
    const start = this.readContext(context);
    let node = this.deepestContext(this.contextIds, start, this.contextIds.length);
    const { firstChild, suffixLink } = this.data;
    let length = this.chainLength(node);
    while (node !== ROOT && firstChild[node] === firstChild[node + 1]) {
      node = suffixLink[node];
      length--;
    }
    return length;
  }

  /**
   * Cross-entropy of a text (normalised with normalizeText) under the model, each character predicted from
   * the characters before it in the same text. Characters outside the vocabulary are skipped and counted.
   */
  crossEntropy(text: string): CrossEntropy {
    const normalized = normalizeText(text);
    const ids: number[] = [];
    for (const character of normalized) ids.push(this.idOf(character.codePointAt(0) as number));
    const window = Int32Array.from(ids);
    let bits = 0;
    let scored = 0;
    let unknown = 0;
    let usableFrom = 0;
    for (let i = 0; i < window.length; i++) {
      const w = window[i];
      if (w < 0) {
        unknown++;
        usableFrom = i + 1;
        continue;
      }
      const from = Math.max(usableFrom, i - (this.order - 1));
      bits -= Math.log2(this.probabilityOf(w, this.deepestContext(window, from, i)));
      scored++;
    }
    const bitsPerCharacter = scored > 0 ? bits / scored : Number.NaN;
    return { bitsPerCharacter, perplexity: 2 ** bitsPerCharacter, scored, unknown };
  }

  /** Puts the context's usable last characters at the end of contextIds; returns where they start. */
  private readContext(context: string): number {
    const ids = this.contextIds;
    let position = ids.length;
    if (this.order === 1) return position;
    let i = context.length;
    while (position > 0 && i > 0) {
      let c = context.charCodeAt(i - 1);
      i--;
      if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
        const high = context.charCodeAt(i - 1);
        if (high >= 0xd800 && high <= 0xdbff) {
          c = ((high - 0xd800) << 10) + (c - 0xdc00) + 0x10000;
          i--;
        }
      }
      const id = this.idOf(c);
      if (id < 0) break;
      ids[--position] = id;
    }
    return position;
  }

  private findChild(node: number, symbol: number): number {
    const { firstChild, symbol: symbols } = this.data;
    let low = firstChild[node];
    let high = firstChild[node + 1] - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const s = symbols[middle];
      if (s === symbol) return middle;
      if (s < symbol) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  /** The node of the longest suffix of ids[from..to) (at most order − 1 long) that occurs in the trie. */
  private deepestContext(ids: Int32Array, from: number, to: number): number {
    for (let start = Math.max(from, to - (this.order - 1)); start < to; start++) {
      let node = ROOT;
      for (let j = start; j < to && node >= 0; j++) node = this.findChild(node, ids[j]);
      if (node >= 0) return node;
    }
    return ROOT;
  }

  private chainLength(node: number): number {
    let length = 0;
    for (let v = node; v !== ROOT; v = this.data.suffixLink[v]) length++;
    return length;
  }

  /** Fills `p` with the interpolated distribution for the context node, building up from the uniform floor. */
  private fill(node: number, p: Float64Array): void {
    const { firstChild, symbol, count, suffixLink, discounts } = this.data;
    const chain = this.chain;
    let depth = 0;
    for (let v = node; v !== ROOT; v = suffixLink[v]) chain[depth++] = v;
    chain[depth] = ROOT;
    const size = p.length;
    p.fill(1 / size);
    for (let level = depth; level >= 0; level--) {
      const h = chain[level];
      const from = firstChild[h];
      const to = firstChild[h + 1];
      if (from === to) continue; // seen only at the very end of the text: nothing followed it
      const contextLength = depth - level;
      const d1 = discounts[3 * contextLength];
      const d2 = discounts[3 * contextLength + 1];
      const d3 = discounts[3 * contextLength + 2];
      let total = 0;
      let held = 0;
      for (let c = from; c < to; c++) {
        const x = count[c];
        total += x;
        held += x >= 3 ? d3 : x === 2 ? d2 : d1;
      }
      const gamma = held / total;
      for (let w = 0; w < size; w++) p[w] *= gamma;
      for (let c = from; c < to; c++) {
        const x = count[c];
        p[symbol[c]] += (x - (x >= 3 ? d3 : x === 2 ? d2 : d1)) / total;
      }
    }
  }

  /** One probability of fill(), without the O(V) scaling: for scoring text. */
  private probabilityOf(w: number, node: number): number {
    const { firstChild, count, suffixLink, discounts } = this.data;
    const chain = this.chain;
    let depth = 0;
    for (let v = node; v !== ROOT; v = suffixLink[v]) chain[depth++] = v;
    chain[depth] = ROOT;
    let p = 1 / this.vocabulary.length;
    for (let level = depth; level >= 0; level--) {
      const h = chain[level];
      const from = firstChild[h];
      const to = firstChild[h + 1];
      if (from === to) continue;
      const contextLength = depth - level;
      const d1 = discounts[3 * contextLength];
      const d2 = discounts[3 * contextLength + 1];
      const d3 = discounts[3 * contextLength + 2];
      let total = 0;
      let held = 0;
      for (let c = from; c < to; c++) {
        const x = count[c];
        total += x;
        held += x >= 3 ? d3 : x === 2 ? d2 : d1;
      }
      const child = this.findChild(h, w);
      const x = child >= 0 ? count[child] : 0;
      const own = x === 0 ? 0 : x - (x >= 3 ? d3 : x === 2 ? d2 : d1);
      p = (held / total) * p + own / total;
    }
    return p;
  }
}
