import { unitPlan } from './seed-vault';

export { GIVEN_NAMES, SURNAMES } from './sample-words';

/** The names of the first `n` units the seed generator would create. */
export function unitNames(n: number): string[] {
  return unitPlan(n).map((u) => u.name);
}
