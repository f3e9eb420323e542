/** A stadium outline w × h with fully rounded ends, as an SVG path from its top-left corner (PDF and preview). */
export function pillPath(w: number, h: number): string {
  const r = h / 2;
  return `M ${r} 0 H ${w - r} A ${r} ${r} 0 0 1 ${w - r} ${h} H ${r} A ${r} ${r} 0 0 1 ${r} 0 Z`;
}
