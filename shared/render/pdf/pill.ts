/**
 * A rounded box w × h whose corners have radius r (at most h / 2: a stadium), as an SVG path from
 * its top-left corner (PDF and preview).
 */
export function pillPath(w: number, h: number, r = h / 2): string {
  const k = Math.min(r, h / 2, w / 2);
  return `M ${k} 0 H ${w - k} A ${k} ${k} 0 0 1 ${w} ${k} V ${h - k} A ${k} ${k} 0 0 1 ${w - k} ${h} H ${k} A ${k} ${k} 0 0 1 0 ${h - k} V ${k} A ${k} ${k} 0 0 1 ${k} 0 Z`;
}
