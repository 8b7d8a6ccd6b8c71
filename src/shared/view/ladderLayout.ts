/**
 * Where each level's row goes on screen. Pure: no pixi, no DOM.
 *
 * Rows sit at heights proportional to energy when that leaves every row room for its particles.
 * When some levels crowd together (hydrogen near the ionisation limit, a rotor's low J) the axis is
 * blended with an evenly spaced one just enough to keep rows apart, and `toScale` says so. At most
 * `maxRows` levels get their own row; the rest share one overflow row at the top.
 */
export interface LadderLayout {
  /** Levels drawn on rows of their own: 0 … shownLevels − 1 (levels are sorted by energy). */
  shownLevels: number;
  /** True when levels beyond `shownLevels` share the overflow row. */
  hasOverflow: boolean;
  /** The y of each shown row, then the overflow row if any. */
  rowY: Float32Array;
  /** The display row of every level (levels past the cap map to the overflow row). */
  rowOfLevel: Uint32Array;
  /** False when the spacing was stretched away from linear in energy. */
  toScale: boolean;
}

export interface LadderBox {
  top: number;
  bottom: number;
  /** The smallest distance between neighbouring rows. */
  minimumGap: number;
  maxRows: number;
}

export function layoutLadder(energies: Float64Array, box: LadderBox): LadderLayout {
  const levelCount = energies.length;
  const shownLevels = Math.min(levelCount, box.maxRows);
  const hasOverflow = shownLevels < levelCount;
  const rows = shownLevels + (hasOverflow ? 1 : 0);
  const rowY = new Float32Array(rows);
  const rowOfLevel = new Uint32Array(levelCount);
  for (let i = 0; i < levelCount; i++) rowOfLevel[i] = Math.min(i, shownLevels);

  const height = Math.max(0, box.bottom - box.top);
  if (rows === 1) {
    rowY[0] = box.bottom - height / 2;
    return { shownLevels, hasOverflow, rowY, rowOfLevel, toScale: true };
  }

  // Positions in [0, 1]: linear in energy, and evenly spaced by rank. The overflow row is one
  // even step above the last shown level in both.
  const lowest = energies[0];
  const highestShown = energies[shownLevels - 1];
  const span = highestShown - lowest;
  const linear = new Float64Array(rows);
  const even = new Float64Array(rows);
  const steps = rows - 1;
  for (let r = 0; r < rows; r++) {
    even[r] = r / steps;
    if (r < shownLevels) {
      linear[r] =
        span > 0 && Number.isFinite(span)
          ? ((energies[r] - lowest) / span) * (hasOverflow ? (steps - 1) / steps : 1)
          : even[r];
    } else {
      linear[r] = 1;
    }
  }
  // Smallest blend w in [0, 1] with every gap of (1 − w)·linear + w·even at least the minimum.
  const needed = height > 0 ? Math.min(1 / steps, box.minimumGap / height) : 0;
  let blend = 0;
  for (let r = 1; r < rows; r++) {
    const linearGap = linear[r] - linear[r - 1];
    const evenGap = even[r] - even[r - 1];
    if (linearGap < needed && evenGap > linearGap) {
      blend = Math.max(blend, (needed - linearGap) / (evenGap - linearGap));
    }
  }
  blend = Math.min(1, blend);
  for (let r = 0; r < rows; r++) {
    const position = (1 - blend) * linear[r] + blend * even[r];
    rowY[r] = box.bottom - position * height;
  }
  return { shownLevels, hasOverflow, rowY, rowOfLevel, toScale: blend < 1e-9 };
}
