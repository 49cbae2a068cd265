// Inter-coder agreement coefficients on nominal data. Values are compared for equality (strings, numbers,
// booleans); `undefined` is a missing value. A coefficient that is not defined for the data (everyone used
// one and the same value, so chance agreement is already perfect) is null.

export type NominalValue = string | number | boolean;

/** Observed agreement: the share of units both coders gave the same value. */
export function percentAgreement(a: readonly NominalValue[], b: readonly NominalValue[]): number | null {
  checkPaired(a, b);
  if (a.length === 0) return null;
  return a.filter((v, i) => v === b[i]).length / a.length;
}

/**
 * Cohen's kappa for two coders who each coded every unit: (p_o − p_e) / (1 − p_e), p_e from each coder's
 * own distribution of values (Cohen 1960).
 */
export function cohenKappa(a: readonly NominalValue[], b: readonly NominalValue[]): number | null {
  checkPaired(a, b);
  const n = a.length;
  if (n === 0) return null;
  const countA = new Map<NominalValue, number>();
  const countB = new Map<NominalValue, number>();
  let agree = 0;
  for (let i = 0; i < n; i++) {
    countA.set(a[i], (countA.get(a[i]) ?? 0) + 1);
    countB.set(b[i], (countB.get(b[i]) ?? 0) + 1);
    if (a[i] === b[i]) agree++;
  }
  const po = agree / n;
  let pe = 0;
  for (const [value, ca] of countA) pe += (ca / n) * ((countB.get(value) ?? 0) / n);
  return pe === 1 ? null : (po - pe) / (1 - pe);
}

/**
 * Krippendorff's alpha for nominal data, any number of coders, missing values allowed: `data[c][u]` is
 * coder c's value for unit u. Units with fewer than two values are not pairable and left out.
 * α = 1 − D_o/D_e from the coincidence matrix (Krippendorff 2011, "Computing Krippendorff's
 * Alpha-Reliability"): α = 1 − (n − 1) Σ_u (m_u² − Σ_c n_uc²)/(m_u − 1) / (n² − Σ_c n_c²).
 */
export function krippendorffAlphaNominal(data: readonly (readonly (NominalValue | undefined)[])[]): number | null {
  const units = Math.max(0, ...data.map((row) => row.length));
  const totals = new Map<NominalValue, number>();
  let n = 0;
  let disagreement = 0;
  for (let u = 0; u < units; u++) {
    const counts = new Map<NominalValue, number>();
    let m = 0;
    for (const row of data) {
      const v = row[u];
      if (v === undefined) continue;
      counts.set(v, (counts.get(v) ?? 0) + 1);
      m++;
    }
    if (m < 2) continue;
    let sumSquares = 0;
    for (const [v, c] of counts) {
      sumSquares += c * c;
      totals.set(v, (totals.get(v) ?? 0) + c);
    }
    disagreement += (m * m - sumSquares) / (m - 1);
    n += m;
  }
  let expected = n * n;
  for (const c of totals.values()) expected -= c * c;
  return expected === 0 ? null : 1 - ((n - 1) * disagreement) / expected;
}

function checkPaired(a: readonly unknown[], b: readonly unknown[]): void {
  if (a.length !== b.length) throw new RangeError(`the two coders coded ${a.length} and ${b.length} units`);
}
