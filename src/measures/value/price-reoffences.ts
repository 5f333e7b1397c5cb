/**
 * The cost of a person's proven reoffences (value.md "Definitions" and readings): each
 * reoffence priced by the unit cost of its own offence group, `*` for a group the table
 * does not list; and the list of unit costs applied (json-output.md `unitCostsUsed`).
 */
import { compareCodePoints } from '../../stats/code-point-order.js';
import { FALLBACK_GROUP } from '../../records/unit-costs.js';
import type { UnitCostTable } from '../../study/value-settings.js';
import type { UnitCostUsed } from './types.js';

/** Each row's cost of proven reoffences, and the unit costs applied, by group in code-point order. */
interface PricedReoffences {
  /** Σ over the row's reoffences of the unit cost of its group. */
  cost: Float64Array;
  used: UnitCostUsed[];
}

/**
 * Prices the reoffences of each row: cost_i = Σ_j unit(group_ij), unit(g) the table's row
 * for g (after trimming) or the `*` row. `used` lists each group priced once, under its
 * own name, with `fallback` true when `*` was applied; the `*` row itself and unused rows
 * are not listed.
 */
export function priceReoffences(groups: readonly (readonly string[])[], table: UnitCostTable): PricedReoffences {
  const cost = new Float64Array(groups.length);
  const used = new Map<string, UnitCostUsed>();
  for (let i = 0; i < groups.length; i++) {
    let sum = 0;
    for (const raw of groups[i]) {
      const group = raw.trim();
      let entry = used.get(group);
      if (entry === undefined) {
        const row = table.byGroup.get(group);
        // A group literally named `*` is not a group of the lookup: it takes the fallback too.
        const applied = row !== undefined && group !== FALLBACK_GROUP ? row : table.fallback;
        entry = { group, cost: applied.cost, source: applied.source, fallback: applied === table.fallback };
        used.set(group, entry);
      }
      sum += entry.cost;
    }
    cost[i] = sum;
  }
  return { cost, used: [...used.values()].sort((a, b) => compareCodePoints(a.group, b.group)) };
}
