/**
 * Text → Shift_JIS (CP932) bytes, for a CSV that older Excel opens without a BOM. The platform can
 * decode Shift_JIS (TextDecoder) but not encode it; the table is built once from the decoder itself,
 * so both directions agree. As the Encoding Standard's encoder does, the NEC-selected IBM extensions
 * (0xED40–0xEEFC) are not used: their characters are written as the IBM extensions (0xFA40–).
 */
let table: Map<number, number> | undefined;

function encodeTable(): Map<number, number> {
  if (table) return table;
  const decoder = new TextDecoder('shift_jis');
  const m = new Map<number, number>();
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead > 0x9f && lead < 0xe0) continue;
    if (lead >= 0xed && lead <= 0xee) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const ch = decoder.decode(pair);
      const cp = ch.codePointAt(0);
      if (cp === undefined || cp === 0xfffd || ch.length !== 1) continue;
      if (!m.has(cp)) m.set(cp, (lead << 8) | trail);
    }
  }
  table = m;
  return m;
}

/**
 * Characters typed on a Mac or from JIS-based text (〜 U+301C, − U+2212 …) that Shift_JIS (CP932)
 * holds only as their Windows forms (～ U+FF5E, － U+FF0D …): written as those, the glyph Excel on
 * Windows shows for them, rather than refused.
 */
const WINDOWS_FORM: ReadonlyMap<number, number> = new Map([
  [0x301c, 0xff5e], // 〜 → ～
  [0x2212, 0xff0d], // − → －
  [0x2016, 0x2225], // ‖ → ∥
  [0x00a2, 0xffe0], // ¢ → ￠
  [0x00a3, 0xffe1], // £ → ￡
  [0x00ac, 0xffe2], // ¬ → ￢
  [0x2014, 0x2015], // — → ―
]);

export type ShiftJisEncode = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly char: string; readonly index: number };

/** Encodes `text`; the first character Shift_JIS cannot hold (「𠮷」, emoji) is named instead. */
export function encodeShiftJis(text: string): ShiftJisEncode {
  const m = encodeTable();
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  let index = 0;
  for (const ch of text) {
    const typed = ch.codePointAt(0) ?? 0;
    const cp = WINDOWS_FORM.get(typed) ?? typed;
    if (cp < 0x80) out[n++] = cp;
    else if (cp === 0xa5) out[n++] = 0x5c;
    else if (cp === 0x203e) out[n++] = 0x7e;
    else if (cp >= 0xff61 && cp <= 0xff9f) out[n++] = cp - 0xff61 + 0xa1;
    else {
      const code = m.get(cp);
      if (code === undefined) return { ok: false, char: ch, index };
      out[n++] = code >> 8;
      out[n++] = code & 0xff;
    }
    index += ch.length;
  }
  return { ok: true, bytes: out.slice(0, n) };
}
