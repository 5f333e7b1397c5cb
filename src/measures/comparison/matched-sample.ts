/**
 * The matched (or weighted) sample of comparison.md "Outcomes and effects": one row per
 * person with a weight > 0, service people first, then pool people, each side in the
 * order of its people table. Every effect of the comparison is computed on these rows.
 */
import type { AttStandardError } from '../../stats/matching/index.js';

export interface MatchedSample {
  /** 1 for a service person, 0 for a pool person. */
  readonly treated: Uint8Array;
  /** The matching or weighting weight (> 0). */
  readonly weights: Float64Array;
  /** The standard error the spec prescribes for this method (cluster by subclass, HC3 or HC0). */
  readonly standardError: AttStandardError;
  /**
   * For each row, the MoJ offence group (offence lookup column `group`) of each proven
   * reoffence in the outcome window, in date order: the count is the frequency outcome,
   * and value for money prices each one.
   */
  readonly reoffenceGroups: readonly (readonly string[])[];
}
