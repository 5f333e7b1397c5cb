/**
 * Competing-risks test data regenerable in TypeScript and R alike (the twin is
 * tests/fixtures/r/competing-risks-data.R): Park–Miller's minimal standard generator
 * x ← 16807·x mod (2³¹ − 1), whose products stay below 2⁵³, and only +, −, ×, / and floor
 * on its uniforms, so both languages produce the same numbers bit for bit.
 */
export interface DataSpec {
  seed: number;
  n: number;
  horizon: number;
  causes: number;
  censoring: number;
  groups?: number;
  weighted?: boolean;
}

export interface CompetingRisksData {
  time: number[];
  status: number[];
  group: string[];
  weight: number[];
}

export function competingRisksData(spec: DataSpec): CompetingRisksData {
  const { n, horizon, causes, censoring } = spec;
  const groups = spec.groups ?? 1;
  let x = spec.seed;
  const next = () => {
    x = (16807 * x) % 2147483647;
    return x / 2147483647;
  };
  const out: CompetingRisksData = { time: [], status: [], group: [], weight: [] };
  for (let i = 0; i < n; i++) {
    const u1 = next();
    const u2 = next();
    const u3 = next();
    const u4 = next();
    const u5 = next();
    out.time.push(Math.floor(horizon * u1 * u2));
    out.status.push(u3 < censoring ? 0 : Math.min(causes, 1 + Math.floor(((u3 - censoring) / (1 - censoring)) * causes)));
    out.group.push(String.fromCharCode(97 + Math.floor(u4 * u4 * groups)));
    out.weight.push(spec.weighted ? 0.5 + Math.floor(u5 * 8) / 4 : 1);
  }
  return out;
}
