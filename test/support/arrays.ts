/** A copy of the array with nothing at `index` (a hole, not undefined), past its end too. */
export function withHole<T>(items: T[], index: number): T[] {
  const holey = [...items];
  holey.length = Math.max(holey.length, index + 1);
  delete holey[index];
  return holey;
}
