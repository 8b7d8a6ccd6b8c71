/** A discrete spectrum: level i has energy energies[i] and degeneracy degeneracies[i]. */
export interface Spectrum {
  energies: Float64Array;
  degeneracies: Float64Array;
}
