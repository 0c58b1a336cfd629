/**
 * A readable line diff (unified style, with context) for golden comparisons.
 *
 * @module
 */

/** The lines of a unified diff of `expected` → `actual`: `- ` expected only, `+ ` actual only, `  ` both. */
export function diffLines(expected: string, actual: string, context = 3, maxLines = 200): string {
  const a = expected.split("\n");
  const b = actual.split("\n");
  // Trim the common head and tail so the quadratic table only covers the changed middle.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const ops: { kind: " " | "-" | "+"; line: string; at: number }[] = [];
  for (let i = Math.max(0, head - context); i < head; i++) ops.push({ kind: " ", line: a[i] ?? "", at: i });
  if (midA.length * midB.length > 4_000_000) {
    for (const [i, line] of midA.entries()) ops.push({ kind: "-", line, at: head + i });
    for (const line of midB) ops.push({ kind: "+", line, at: -1 });
  } else {
    const n = midA.length;
    const m = midB.length;
    const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      const row = lcs[i] as Uint32Array;
      const next = lcs[i + 1] as Uint32Array;
      for (let j = m - 1; j >= 0; j--)
        row[j] = midA[i] === midB[j] ? (next[j + 1] ?? 0) + 1 : Math.max(next[j] ?? 0, row[j + 1] ?? 0);
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && midA[i] === midB[j]) {
        ops.push({ kind: " ", line: midA[i] ?? "", at: head + i });
        i++;
        j++;
      } else if (j < m && (i >= n || (lcs[i]?.[j + 1] ?? 0) >= (lcs[i + 1]?.[j] ?? 0))) {
        ops.push({ kind: "+", line: midB[j] ?? "", at: -1 });
        j++;
      } else {
        ops.push({ kind: "-", line: midA[i] ?? "", at: head + i });
        i++;
      }
    }
  }
  for (let i = a.length - tail; i < Math.min(a.length, a.length - tail + context); i++)
    ops.push({ kind: " ", line: a[i] ?? "", at: i });
  // Keep changes with `context` lines around them.
  const keep = ops.map(() => false);
  ops.forEach((op, k) => {
    if (op.kind !== " ")
      for (let c = Math.max(0, k - context); c <= Math.min(ops.length - 1, k + context); c++) keep[c] = true;
  });
  const out: string[] = ["--- expected", "+++ actual"];
  ops.forEach((op, k) => {
    if (!keep[k]) return;
    if (k === 0 || !keep[k - 1]) out.push(`@@ line ${op.at >= 0 ? op.at + 1 : "?"} @@`);
    out.push(`${op.kind} ${op.line}`);
  });
  if (out.length > maxLines + 2)
    return [...out.slice(0, maxLines + 2), `… ${out.length - maxLines - 2} more lines`].join("\n");
  return out.join("\n");
}
