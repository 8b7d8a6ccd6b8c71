import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { boltzmannProbabilities } from './distribution.ts';
import { InputError } from './errors.ts';
import { SPECIAL_TEMPERATURES } from './specialTemperatures.testFixture.ts';
import {
  logPartitionFunction,
  logPartitionFunctionAtBeta,
  type Thermodynamics,
  thermodynamics,
  thermodynamicsAtBeta,
} from './thermodynamics.ts';

const INF = Number.POSITIVE_INFINITY;
const MAX = Number.MAX_VALUE;

function expectRelative(actual: number, expected: number, relative: number, absolute = 0): void {
  const allowed = relative * Math.abs(expected) + absolute;
  if (!(Math.abs(actual - expected) <= allowed)) {
    throw new Error(`${actual} vs ${expected} (allowed difference ${allowed})`);
  }
}

function expectInputError(run: () => unknown, message: RegExp): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(InputError);
  expect((caught as Error).message).toMatch(message);
}

/** Textbook formulas, safe for moderate E/T. */
function naive(energies: number[], t: number, g?: number[]): Thermodynamics {
  const w = energies.map((e, i) => (g ? g[i] : 1) * Math.exp(-e / t));
  const z = w.reduce((a, b) => a + b, 0);
  const p = w.map((x) => x / z);
  let u = 0;
  let e2 = 0;
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    u += p[i] * energies[i];
    e2 += p[i] * energies[i] ** 2;
    if (p[i] > 0) s -= p[i] * Math.log(p[i] / (g ? g[i] : 1));
  }
  const logZ = Math.log(z);
  return { logZ, meanEnergy: u, heatCapacity: (e2 - u * u) / (t * t), entropy: s, freeEnergy: -t * logZ };
}

function expectNoNaN(result: Thermodynamics): void {
  for (const [key, value] of Object.entries(result)) {
    if (Number.isNaN(value)) throw new Error(`${key} is NaN`);
  }
}

describe('two-level system (Schottky anomaly)', () => {
  const e = [0, 1];

  test('U = 1/(e^{1/T} + 1) and C = (1/T)² e^{1/T}/(e^{1/T} + 1)²', () => {
    for (let t = 0.02; t <= 50; t *= 1.1) {
      const r = thermodynamics(e, t);
      expectRelative(r.meanEnergy, 1 / (Math.exp(1 / t) + 1), 1e-12);
      const x = Math.exp(1 / t);
      expectRelative(r.heatCapacity, (1 / t) ** 2 * (x / (x + 1) ** 2), 1e-11);
    }
  });

  test('C peaks at T ≈ 0.4168 with C_max ≈ 0.4392', () => {
    // Golden-section search for the maximum of C(T).
    const heat = (t: number) => thermodynamics(e, t).heatCapacity;
    let a = 0.1;
    let b = 2;
    const ratio = (Math.sqrt(5) - 1) / 2;
    while (b - a > 1e-10) {
      const c = b - ratio * (b - a);
      const d = a + ratio * (b - a);
      if (heat(c) > heat(d)) b = d;
      else a = c;
    }
    const peak = (a + b) / 2;
    expect(peak).toBeCloseTo(0.4168, 4);
    expect(heat(peak)).toBeCloseTo(0.4392, 4);
  });

  test('inverted two-level system: U → 1 as T → 0−, U = 1/2 at T = ±∞', () => {
    expectRelative(thermodynamics(e, -0.1).meanEnergy, 1 / (Math.exp(-10) + 1), 1e-14);
    expect(thermodynamics(e, -0).meanEnergy).toBe(1);
    expect(thermodynamics(e, INF).meanEnergy).toBe(0.5);
    expect(thermodynamics(e, -INF).meanEnergy).toBe(0.5);
  });
});

describe('harmonic oscillator (E_n = n, truncated at n = 2000)', () => {
  const e = Array.from({ length: 2001 }, (_, n) => n);

  test('matches the closed forms for U, C, S, F and ln Z from T = 0.05 to 20', () => {
    for (let t = 0.05; t <= 20; t *= 1.05) {
      const b = 1 / t;
      const r = thermodynamics(e, t);
      const u = 1 / Math.expm1(b);
      const c = (b * b * Math.exp(b)) / Math.expm1(b) ** 2;
      const logZ = -Math.log1p(-Math.exp(-b));
      const s = b * u + logZ;
      expectRelative(r.meanEnergy, u, 1e-10);
      expectRelative(r.heatCapacity, c, 1e-10);
      expectRelative(r.entropy, s, 1e-10);
      expectRelative(r.logZ, logZ, 1e-10);
      expectRelative(r.freeEnergy, -t * logZ, 1e-10);
    }
  });

  test('C → 1 at high T (where the truncation does not matter yet)', () => {
    expectRelative(thermodynamics(e, 20).heatCapacity, 1 - 1 / (12 * 400), 1e-5);
  });
});

describe('limits', () => {
  const e = [1, 0, 0, 2, INF];
  const g = [1, 2, 3, 1, 4];

  test('T = +0 and tiny T: U = F = E_ground, S = ln(total ground degeneracy), C = 0', () => {
    for (const t of [0, 5e-324, 1e-300]) {
      const r = thermodynamics(e, t, g);
      expect(r.meanEnergy).toBe(0);
      // F = −T ln g_ground: zero at T = 0, a few ulps of T below it for tiny T.
      expectRelative(r.freeEnergy, -t * Math.log(5), 1e-15);
      expect(r.heatCapacity).toBe(0);
      expectRelative(r.entropy, Math.log(5), 1e-15);
      expectRelative(r.logZ, Math.log(5), 1e-15);
    }
  });

  test('T = +0 with a nonzero ground energy: ln Z = ∓∞ but U, S, C, F are finite', () => {
    const up = thermodynamics([3, 2, 2, 4], 0, [1, 2, 3, 1]);
    expect(up).toEqual({ logZ: -INF, meanEnergy: 2, heatCapacity: 0, entropy: Math.log(5), freeEnergy: 2 });
    const down = thermodynamics([-1, -2, -2, 0], 0, [1, 2, 3, 1]);
    expect(down).toEqual({
      logZ: INF,
      meanEnergy: -2,
      heatCapacity: 0,
      entropy: Math.log(5),
      freeEnergy: -2,
    });
  });

  test('T = −0: everything on the top finite level(s)', () => {
    for (const t of [-0, -5e-324]) {
      const r = thermodynamics([0, 1, 1, INF], t, [1, 2, 2, 5]);
      expect(r).toEqual({ logZ: INF, meanEnergy: 1, heatCapacity: 0, entropy: Math.log(4), freeEnergy: 1 });
    }
  });

  test('T = ±∞: S = ln Σg, C = 0, U = g-weighted mean, F = ∓∞', () => {
    for (const t of [INF, -INF]) {
      const r = thermodynamics(e, t, g);
      expectRelative(r.entropy, Math.log(7), 1e-15);
      expectRelative(r.logZ, Math.log(7), 1e-15);
      expect(r.heatCapacity).toBe(0);
      expectRelative(r.meanEnergy, (1 + 2) / 7, 1e-15);
      expect(r.freeEnergy).toBe(t === INF ? -INF : INF);
    }
  });

  test('T = ±∞ with total degeneracy exactly 1: F = U', () => {
    for (const t of [INF, -INF]) {
      expect(thermodynamics([5], t).freeEnergy).toBe(5);
      const r = thermodynamics([0, 4], t, [0.25, 0.75]);
      expect(r.freeEnergy).toBe(3);
      expect(r.entropy).toBe(0);
    }
  });

  test('S approaches ln Σg and C approaches 0 continuously as T → ∞', () => {
    const r = thermodynamics(e, 1e8, g);
    expectRelative(r.entropy, Math.log(7), 1e-8);
    expect(r.heatCapacity).toBeLessThan(1e-15);
    expect(r.heatCapacity).toBeGreaterThan(0);
  });

  test('a single level has S = ln g, C = 0, U = F = E at every temperature', () => {
    for (const t of [...SPECIAL_TEMPERATURES, 3, -3]) {
      const r = thermodynamics([INF, 2.5], t, [1, 3]);
      expect(r.meanEnergy).toBe(2.5);
      expect(r.heatCapacity).toBe(0);
      expectRelative(r.entropy, Math.log(3), 1e-15);
      const f = 2.5 - t * Math.log(3);
      // At |T| = MAX_VALUE the true F is beyond the double range and overflows, as it should.
      if (Number.isFinite(f)) expectRelative(r.freeEnergy, f, 1e-15);
      else expect(r.freeEnergy).toBe(f);
    }
  });

  test('energies spanning ±1e308 give finite, exact answers', () => {
    const r = thermodynamics([-1e308, 1e308], 1e308);
    const expected = naive([-1, 1], 1);
    expectRelative(r.meanEnergy, expected.meanEnergy * 1e308, 1e-14);
    expectRelative(r.heatCapacity, expected.heatCapacity, 1e-14);
    expectRelative(r.entropy, expected.entropy, 1e-14);
    const extreme = thermodynamics([-MAX, MAX], 1);
    expect(extreme).toEqual({ logZ: MAX, meanEnergy: -MAX, heatCapacity: 0, entropy: 0, freeEnergy: -MAX });
    // ln Z = E/T beyond the double range overflows to ∞, but everything else stays finite.
    const overflow = thermodynamics([-MAX, MAX], 0.5);
    expect(overflow).toEqual({ logZ: INF, meanEnergy: -MAX, heatCapacity: 0, entropy: 0, freeEnergy: -MAX });
  });
});

describe('negative temperatures', () => {
  test('three-level system: textbook formulas hold for T < 0', () => {
    const e = [0, 1, 3];
    const g = [1, 2, 1];
    for (const t of [-0.3, -1, -5]) {
      const r = thermodynamics(e, t, g);
      const expected = naive(e, t, g);
      for (const key of Object.keys(expected) as (keyof Thermodynamics)[]) {
        expectRelative(r[key], expected[key], 1e-12, 1e-15);
      }
      expect(r.meanEnergy).toBeGreaterThan((0 + 2 + 3) / 4);
    }
  });
});

describe('identities and derivatives', () => {
  const e = [0, 0.7, 1.1, 2, 3.5];
  const g = [1, 3, 2, 5, 1];

  test('C = dU/dT and S = −dF/dT (central differences)', () => {
    for (const t of [0.2, 0.5, 1, 3, 10, -0.5, -2]) {
      const h = 1e-5 * Math.abs(t);
      const plus = thermodynamics(e, t + h, g);
      const minus = thermodynamics(e, t - h, g);
      const r = thermodynamics(e, t, g);
      expectRelative(r.heatCapacity, (plus.meanEnergy - minus.meanEnergy) / (2 * h), 1e-6, 1e-9);
      expectRelative(r.entropy, -(plus.freeEnergy - minus.freeEnergy) / (2 * h), 1e-6, 1e-9);
    }
  });

  test('F = U − T S and S = ln Z + U/T', () => {
    for (const t of [0.1, 1, 7, -1, -0.2]) {
      const r = thermodynamics(e, t, g);
      expectRelative(r.freeEnergy, r.meanEnergy - t * r.entropy, 1e-13, 1e-14);
      expectRelative(r.entropy, r.logZ + r.meanEnergy / t, 1e-13, 1e-14);
    }
  });

  test('the probabilities come back in the optional array', () => {
    const out = new Float64Array(e.length);
    thermodynamics(e, 0.8, g, out);
    expect(Array.from(out)).toEqual(Array.from(boltzmannProbabilities(e, 0.8, g)));
    expect(() => thermodynamics(e, 0.8, g, new Float64Array(2))).toThrow(RangeError);
  });
});

describe('logPartitionFunction and the β forms', () => {
  test('ln Z agrees with the direct sum and with thermodynamics().logZ', () => {
    const e = [0.5, 1, 2];
    const g = [2, 1, 3];
    for (const t of [0.3, 1, 10, -1]) {
      const direct = Math.log(e.reduce((z, x, i) => z + g[i] * Math.exp(-x / t), 0));
      expectRelative(logPartitionFunction(e, t, g), direct, 1e-14);
      expect(logPartitionFunction(e, t, g)).toBe(thermodynamics(e, t, g).logZ);
      expect(logPartitionFunctionAtBeta(e, 1 / t, g)).toBe(logPartitionFunction(e, t, g));
    }
  });

  test('ln Z far outside the exponent range is still right (E/T = 1e4)', () => {
    expectRelative(logPartitionFunction([1e4, 1e4 + 1], 1), -1e4 + Math.log1p(Math.exp(-1)), 1e-15);
    expectRelative(logPartitionFunction([-1e4, 5], 1), 1e4, 1e-15);
  });

  test('thermodynamicsAtBeta(1/T) equals thermodynamics(T), including the limits', () => {
    const e = [0, 1, 2];
    const g = [1, 2, 1];
    for (const t of [0.5, -0.5, 0, -0, INF, -INF]) {
      expect(thermodynamicsAtBeta(e, 1 / t, g)).toEqual(thermodynamics(e, t, g));
    }
  });
});

describe('errors', () => {
  test('NaN temperature or β', () => {
    expectInputError(() => thermodynamics([0, 1], Number.NaN), /Temperature is not a number/);
    expectInputError(() => thermodynamicsAtBeta([0, 1], Number.NaN), /β is not a number/);
    expectInputError(() => logPartitionFunction([0, 1], Number.NaN), /Temperature is not a number/);
    expectInputError(() => logPartitionFunctionAtBeta([0, 1], Number.NaN), /β is not a number/);
  });

  test('bad spectra are rejected as in the distribution', () => {
    expectInputError(() => thermodynamics([], 1), /no levels/);
    expectInputError(() => thermodynamics([0, 1], 1, [1]), /2 energies but 1 degeneracies/);
    expectInputError(() => thermodynamics([0, -INF], 1), /level 1 is −∞/);
    expectInputError(() => thermodynamics([0, 1], 1, [1, -2]), /Degeneracy of level 1 is -2/);
    expectInputError(() => thermodynamics([INF], 1), /No level can be populated/);
    expectInputError(() => logPartitionFunction([Number.NaN], 1), /Energy of level 0 is not a number/);
  });
});

describe('properties', () => {
  const temperatureArb = fc.oneof(
    fc.constantFrom(...SPECIAL_TEMPERATURES),
    fc.double({ noNaN: true }),
    fc.double({ min: -1e3, max: 1e3, noNaN: true }),
  );
  const levelArb = fc.record({
    e: fc.oneof(
      fc.double({ min: -1e300, max: 1e300, noNaN: true }),
      fc.double({ min: -10, max: 10, noNaN: true }),
      fc.constant(INF),
    ),
    g: fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1e300, noNaN: true })),
  });

  test('never NaN; C ≥ 0, U and S finite, F finite for |T| ≤ 1e300, for extreme spectra and T', () => {
    fc.assert(
      fc.property(fc.array(levelArb, { minLength: 1, maxLength: 10 }), temperatureArb, (levels, t) => {
        fc.pre(levels.some((l) => l.g > 0 && l.e < INF));
        const r = thermodynamics(
          levels.map((l) => l.e),
          t,
          levels.map((l) => l.g),
        );
        expectNoNaN(r);
        expect(Number.isFinite(r.heatCapacity) && r.heatCapacity >= 0).toBe(true);
        expect(Number.isFinite(r.meanEnergy)).toBe(true);
        expect(Number.isFinite(r.entropy)).toBe(true);
        // Beyond that, −T ln Z can genuinely exceed the double range (and is ∓∞ at T = ±∞).
        if (Math.abs(t) <= 1e300) expect(Number.isFinite(r.freeEnergy)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  test('agree with the textbook formulas for moderate spectra and temperatures', () => {
    const moderate = fc.record({
      e: fc.double({ min: -10, max: 10, noNaN: true }),
      g: fc.double({ min: 0.1, max: 10, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(moderate, { minLength: 1, maxLength: 10 }),
        fc.oneof(
          fc.double({ min: 0.5, max: 100, noNaN: true }),
          fc.double({ min: -100, max: -0.5, noNaN: true }),
        ),
        (levels, t) => {
          const e = levels.map((l) => l.e);
          const g = levels.map((l) => l.g);
          const r = thermodynamics(e, t, g);
          const expected = naive(e, t, g);
          expectRelative(r.logZ, expected.logZ, 1e-12, 1e-12);
          expectRelative(r.meanEnergy, expected.meanEnergy, 1e-12, 1e-12);
          expectRelative(r.entropy, expected.entropy, 1e-12, 1e-12);
          expectRelative(r.freeEnergy, expected.freeEnergy, 1e-12, 1e-10);
          // The naive variance cancels catastrophically; allow for it.
          expectRelative(r.heatCapacity, expected.heatCapacity, 1e-8, 1e-10);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('shifting every energy by c shifts U and F by c and leaves C and S unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: -1e6, max: 1e6 }),
        fc.oneof(fc.constantFrom(0, -0, INF, -INF), fc.double({ min: 0.1, max: 1e4, noNaN: true })),
        (e, c, t) => {
          const a = thermodynamics(e, t);
          const b = thermodynamics(
            e.map((x) => x + c),
            t,
          );
          // C is summed around U, which rounds differently after the shift.
          // Near T → 0 the variance rests on a probability of ~1e-12, so its rounding is absolute, not relative.
          expectRelative(b.heatCapacity, a.heatCapacity, 1e-12, 1e-10);
          expect(b.entropy).toBe(a.entropy);
          expectRelative(b.meanEnergy, a.meanEnergy + c, 1e-12, 1e-9);
          if (Math.abs(t) !== INF) expectRelative(b.freeEnergy, a.freeEnergy + c, 1e-12, 1e-9);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('0 ≤ S ≤ ln Σg for degeneracies ≥ 1, at any temperature', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            e: fc.double({ min: -100, max: 100, noNaN: true }),
            g: fc.integer({ min: 1, max: 50 }),
          }),
          { minLength: 1, maxLength: 10 },
        ),
        temperatureArb,
        (levels, t) => {
          const g = levels.map((l) => l.g);
          const r = thermodynamics(
            levels.map((l) => l.e),
            t,
            g,
          );
          const total = g.reduce((a, b) => a + b, 0);
          expect(r.entropy).toBeGreaterThanOrEqual(-1e-15);
          expect(r.entropy).toBeLessThanOrEqual(Math.log(total) + 1e-12);
        },
      ),
      { numRuns: 300 },
    );
  });
});
