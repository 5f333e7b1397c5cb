/**
 * Why a published value is withheld, for the words beside it (measures.md,
 * "Disclosure control"): read from what the page publishes, deciding nothing.
 */
import type { Count, DisclosurePolicy, ShownProportion } from './cells.js';

/** True when a published count is withheld as small ("<minCell"), not to protect another cell ("[c]"). */
export function withheldAsSmall(c: Count, policy: DisclosurePolicy): boolean {
  return c.hidden && c.value >= 1 && c.value < policy.minCell;
}

/** True when a proportion's count is withheld because the people without the outcome (n − k) are few. */
export function complementSmall(p: ShownProportion, policy: DisclosurePolicy): boolean {
  const rest = p.n.value - p.k.value;
  return p.k.hidden && rest >= 1 && rest < policy.minCell;
}

/**
 * Why tests across groups (or services) are withheld, in words, from the
 * groups as published: a group too small to publish; a group's size withheld
 * to protect a small count elsewhere; a small count within a group; a count
 * within a group withheld to protect one elsewhere. Null when nothing is withheld.
 */
export function testsWithheldReason(rows: readonly ShownProportion[], policy: DisclosurePolicy, unit = 'group'): string | null {
  const hidden = rows.filter((r) => r.hidden);
  if (hidden.length === 0) return null;
  if (hidden.some((r) => withheldAsSmall(r.n, policy))) return `at least one ${unit} is too small to publish`;
  if (hidden.some((r) => r.n.hidden)) return `the size of at least one ${unit} is withheld so that a small count cannot be worked out from the totals`;
  if (hidden.some((r) => withheldAsSmall(r.k, policy) || complementSmall(r, policy))) return `a count within at least one ${unit} is too small to publish`;
  return `a count within at least one ${unit} is withheld so that a small count elsewhere cannot be worked out`;
}
