import { zForConfidence } from './proportion.js';

/**
 * Funnel-plot control limits p0 ± z √(p0(1 − p0)/n) for a unit of size n around the
 * pooled proportion p0, z = Φ⁻¹(1 − (1 − level)/2), clipped to [0, 1].
 */
export function funnelLimits(p0: number, n: number, level: number): [number, number] {
  if (!(p0 >= 0 && p0 <= 1)) throw new RangeError(`funnelLimits: p0 must be in [0, 1], got ${p0}`);
  if (!(n > 0) || !Number.isFinite(n)) throw new RangeError(`funnelLimits: n must be positive, got ${n}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`funnelLimits: level must be in (0, 1), got ${level}`);
  const z = zForConfidence(level);
  const half = z * Math.sqrt((p0 * (1 - p0)) / n);
  return [Math.max(0, p0 - half), Math.min(1, p0 + half)];
}
