/**
 * The face Word is asked for: the family the PDF embeds, so both break lines alike (issue 12).
 *
 * Windows 10 (1809) and later ship BIZ UD明朝 as 「BIZ UD明朝 Medium」 (English name 「BIZ UDMincho
 * Medium」); the PDF embeds the same design's Regular (assets/fonts/BIZUDMincho-Regular.ttf, family
 * 「BIZ UDMincho」). Both are monospaced alike — kana and kanji one em, ASCII half an em — so a line
 * breaks at the same place in Word and in the PDF whichever weight is installed.
 *
 * The font table names the fallback for a PC without it: w:altName lists the other names of the
 * design and then ＭＳ 明朝, which has the same one-em/half-em widths, and panose, charset (Shift_JIS),
 * family (roman = serif) and pitch (fixed) point Word's own substitution at a fixed-pitch Japanese
 * Mincho. The values are the bundled font's own (OS/2 table; test/unit/render/docx-fidelity.test.ts
 * reads them from the file).
 */
export const WORD_FACE = 'BIZ UD明朝 Medium';

export const WORD_FONT_ENTRY = {
  name: WORD_FACE,
  altNames: ['BIZ UDMincho Medium', 'BIZ UDMincho', 'ＭＳ 明朝'],
  panose1: '02020400000000000000',
  /** Shift_JIS. */
  charset: '80',
  family: 'roman',
  pitch: 'fixed',
  sig: { usb0: 'E00002F7', usb1: '2AC7EDF8', usb2: '00000012', usb3: '00000000', csb0: '20020009', csb1: '00000000' },
} as const;

/** ＭＳ 明朝 as Word itself describes it, so the fallback named above resolves on any Windows. */
const MS_MINCHO_ENTRY =
  '<w:font w:name="ＭＳ 明朝"><w:altName w:val="MS Mincho"/><w:panose1 w:val="02020609040205080304"/><w:charset w:val="80"/>' +
  '<w:family w:val="modern"/><w:pitch w:val="fixed"/>' +
  '<w:sig w:usb0="E00002FF" w:usb1="6AC7FDFB" w:usb2="08000012" w:usb3="00000000" w:csb0="0002009F" w:csb1="00000000"/></w:font>';

/** word/fontTable.xml: the face and its fallback. */
export function fontTableXml(): string {
  const f = WORD_FONT_ENTRY;
  const sig = Object.entries(f.sig)
    .map(([k, v]) => `w:${k}="${v}"`)
    .join(' ');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:font w:name="${f.name}"><w:altName w:val="${f.altNames.join(',')}"/><w:panose1 w:val="${f.panose1}"/>` +
    `<w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/><w:sig ${sig}/></w:font>` +
    MS_MINCHO_ENTRY +
    '</w:fonts>'
  );
}
