/**
 * Largest-remainder (Hamilton) apportionment: `seats` split in proportion to `weights`. Each
 * share is its exact quota rounded down, and the seats left go one each to the largest
 * remainders. Ties go to the larger weight, then to the earlier entry, so the result depends on
 * the input order only for exactly equal claims. Remainders are compared in integers, exactly.
 *
 * Known property (the Alabama paradox): adding a seat can take one away from a party; with
 * weights [21878, 9713, 4167, 3252, 1065], 43 seats give [24, 10, 4, 4, 1] but 44 give
 * [24, 11, 5, 3, 1]. Each share always stays within floor/ceil of its exact quota.
 */
export function largestRemainder(seats: number, weights: readonly number[]): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (total === 0 || seats <= 0) return weights.map(() => 0);
  // share_i = floor(seats * w_i / total), remainder_i = (seats * w_i) mod total, both integers.
  const shares = weights.map((weight) => Math.floor((seats * weight) / total));
  const remainders = weights.map((weight) => (seats * weight) % total);
  let left = seats - shares.reduce((sum, share) => sum + share, 0);
  const order = weights
    .map((_, index) => index)
    .sort((a, b) => remainders[b] - remainders[a] || weights[b] - weights[a] || a - b);
  for (const index of order) {
    if (left === 0) break;
    shares[index]++;
    left--;
  }
  return shares;
}

export interface QuotaClaim {
  /** Students the university needs places for. */
  demand: number;
  /** A quota the coordinator set by hand, used as it is. */
  override?: number | null;
}

/**
 * The universities' quotas for a term (DESIGN.md §4): the places that can be filled,
 * `min(target, usable)`, less any overridden quotas, are split across the other universities
 * in proportion to their demand by largest remainder. Splitting no more than their total
 * demand keeps every share within its demand; places beyond that demand stay unassigned.
 * Pass the claims in a fixed order (by university code) for deterministic ties.
 */
export function splitQuotas(fillable: number, claims: readonly QuotaClaim[]): number[] {
  const fixed = claims.reduce((sum, claim) => sum + (claim.override ?? 0), 0);
  const free = claims.map((claim) => (claim.override == null ? Math.max(0, claim.demand) : 0));
  const toSplit = Math.min(
    Math.max(0, fillable - fixed),
    free.reduce((sum, demand) => sum + demand, 0),
  );
  const shares = largestRemainder(toSplit, free);
  return claims.map((claim, index) => claim.override ?? shares[index]);
}
