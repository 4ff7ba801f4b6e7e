// Sorting the short lists of one evaluation.

/**
 * A stable insertion sort, for the short lists an evaluation sorts (parties, routes, checklist
 * entries, open questions: a few dozen at most), where Array.prototype.sort costs more in its
 * set-up than in comparing. The orders used are total, so any correct sort gives the same result.
 */
export function sortInPlace<T>(list: T[], compare: (a: T, b: T) => number): void {
  for (let i = 1; i < list.length; i++) {
    const x = list[i]!;
    let j = i - 1;
    while (j >= 0 && compare(list[j]!, x) > 0) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = x;
  }
}
