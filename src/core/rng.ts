/**
 * A seeded sfc32 generator (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state).
 *
 * The state is exposed as a Uint32Array so that hot loops can copy it into local variables,
 * run the recurrence inline and write it back: that is several times faster in V8 than a call
 * per number. Every such loop must use `sfc32Next`'s recurrence exactly.
 */
export interface Rng {
  /** a, b, c, counter: the whole state. Hot loops read and write it directly. */
  readonly state: Uint32Array;
  /** A uniform integer in [0, 2^32). */
  nextUint32(): number;
  /** A uniform double in [0, 1) with 53 random bits. */
  nextFloat(): number;
  /** An independent copy that continues the same sequence. */
  clone(): Rng;
}

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

class Sfc32 implements Rng {
  readonly state: Uint32Array;

  constructor(state: Uint32Array) {
    this.state = state;
  }

  nextUint32(): number {
    const s = this.state;
    const a = s[0];
    const b = s[1];
    const c = s[2];
    const counter = s[3];
    const result = (a + b + counter) >>> 0;
    s[3] = (counter + 1) >>> 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) >>> 0;
    s[2] = (((c << 21) | (c >>> 11)) + result) >>> 0;
    return result;
  }

  nextFloat(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low) / TWO_POW_53;
  }

  clone(): Rng {
    return new Sfc32(this.state.slice());
  }
}

/** splitmix32 spreads a small seed over the whole state so that seeds 1, 2, 3 give unrelated streams. */
function splitmix32(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
}

/**
 * A reproducible generator. Any finite number is a valid seed; its integer part modulo 2^32 is used,
 * so `createRng(42)` gives the same stream in every browser and in Node.
 */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) {
    throw new RangeError(`The seed must be a finite number, got ${seed}.`);
  }
  const integerSeed = Math.trunc(seed) % TWO_POW_32;
  const mix = splitmix32(integerSeed < 0 ? integerSeed + TWO_POW_32 : integerSeed);
  const rng = new Sfc32(new Uint32Array([mix(), mix(), mix(), 1]));
  // The first outputs of sfc32 are still correlated with the seed; discard them.
  for (let i = 0; i < 12; i++) rng.nextUint32();
  return rng;
}

export { TWO_POW_32 };
