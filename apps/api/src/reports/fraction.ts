/** A rate with what it is made of, so readers can weigh it and sum groups. */
export interface Fraction {
  numerator: number;
  denominator: number;
  /** numerator / denominator to four decimals; null when the denominator is 0. */
  rate: number | null;
}

export const fraction = (numerator: number, denominator: number): Fraction => ({
  numerator,
  denominator,
  rate: denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000,
});
