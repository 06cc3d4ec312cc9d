/**
 * Mesos's scalar arithmetic (src/common/values.cpp): each operand becomes a count of
 * thousandths with llround(value * 1000); sums, differences and comparisons are done on those
 * integers, and results converted back as quotient + remainder / 1000.
 */
export function toFixed(value: number): number {
  const scaled = value * 1000;
  return Math.sign(scaled) * Math.round(Math.abs(scaled));
}

export function toFloating(fixed: number): number {
  const remainder = fixed % 1000;
  return (fixed - remainder) / 1000 + remainder / 1000;
}
