/** Inclusive integer ranges as [begin, end] bigint pairs, sorted and merged. */
export type Span = [bigint, bigint];

export function normalize(spans: Span[]): Span[] {
  const sorted = spans
    .filter(([b, e]) => b <= e)
    .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const out: Span[] = [];
  for (const [begin, end] of sorted) {
    const last = out[out.length - 1];
    if (last && begin <= last[1] + 1n) {
      if (end > last[1]) last[1] = end;
    } else {
      out.push([begin, end]);
    }
  }
  return out;
}

export function union(a: Span[], b: Span[]): Span[] {
  return normalize([...a, ...b]);
}

export function difference(a: Span[], b: Span[]): Span[] {
  let result = normalize(a);
  for (const [begin, end] of normalize(b)) {
    const next: Span[] = [];
    for (const [x, y] of result) {
      if (end < x || begin > y) next.push([x, y]);
      else {
        if (x < begin) next.push([x, begin - 1n]);
        if (y > end) next.push([end + 1n, y]);
      }
    }
    result = next;
  }
  return result;
}

export function contains(a: Span[], b: Span[]): boolean {
  return difference(b, a).length === 0;
}

export function size(spans: Span[]): bigint {
  return spans.reduce((total, [b, e]) => total + (e - b + 1n), 0n);
}

/** The first `count` values of the spans, as spans. */
export function takeFirst(spans: Span[], count: bigint): Span[] {
  const out: Span[] = [];
  let left = count;
  for (const [b, e] of normalize(spans)) {
    if (left <= 0n) break;
    const n = e - b + 1n < left ? e - b + 1n : left;
    out.push([b, b + n - 1n]);
    left -= n;
  }
  return out;
}
