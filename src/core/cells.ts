/**
 * Cell lists for people: A1 addresses of one column that follow each other become a range
 * ("G9:G12, G15"), so a message can name every cell without growing long. Pure.
 */

function split(addr: string): { col: string; row: number } | null {
  const m = /^([A-Z]+)(\d+)$/.exec(addr);
  return m ? { col: m[1], row: Number(m[2]) } : null;
}

/** "G9, G10, G11, H4" → "G9:G11, H4" (order kept; addresses that are not A1 are kept as they are). */
export function cellRanges(cells: readonly string[]): string {
  const out: string[] = [];
  let start: { col: string; row: number } | null = null;
  let end: { col: string; row: number } | null = null;
  const flush = () => {
    if (start && end)
      out.push(start.row === end.row ? `${start.col}${start.row}` : `${start.col}${start.row}:${end.col}${end.row}`);
    start = end = null;
  };
  for (const c of cells) {
    const p = split(c);
    if (!p) {
      flush();
      out.push(c);
      continue;
    }
    if (start && end && p.col === end.col && p.row === end.row + 1) end = p;
    else {
      flush();
      start = end = p;
    }
  }
  flush();
  return out.join(", ");
}

/** Numbers as short ranges: [1,2,3,5,7,8] → "1–3, 5, 7–8". */
export function numberRanges(nos: readonly number[]): string {
  const sorted = [...new Set(nos)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    out.push(j === i ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return out.join(", ");
}
