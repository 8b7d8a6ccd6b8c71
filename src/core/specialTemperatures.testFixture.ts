/** Test fixture: every temperature whose limit the engine treats specially, plus ordinary ones either side. */
const INF = Number.POSITIVE_INFINITY;
const MAX = Number.MAX_VALUE;

export const SPECIAL_TEMPERATURES: readonly number[] = [
  0,
  -0,
  INF,
  -INF,
  1e-300,
  -1e-300,
  5e-324,
  -5e-324,
  1e300,
  -1e300,
  MAX,
  -MAX,
  1,
  -1,
];
