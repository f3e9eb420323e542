/**
 * Characters XML 1.0 cannot hold (issue 12): C0 controls other than tab, line feed and carriage
 * return, the noncharacters U+FFFE and U+FFFF, and lone surrogates (half of a UTF-16 pair, which
 * pasted or imported text can carry). One written in a Word part makes the file unopenable.
 *
 * The app's single decision about them: they print nowhere. Both the Word and the PDF backends
 * omit them (xmlSafeText), so the two files print the same text; the preflight rule PRE-XMLCHAR
 * names the form and field holding them, so the user sees where something was dropped.
 *
 * XML 1.0 §2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
 */

/** True when XML 1.0 can hold the code point (lone surrogates come through as D800–DFFF: false). */
export function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

// A valid surrogate pair is one code point above U+FFFF and is kept; `u` makes the class see it so.
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** The text without the characters XML 1.0 cannot hold. */
export function xmlSafeText(text: string): string {
  return text.replace(NOT_XML, '');
}

/** The characters of `text` XML 1.0 cannot hold, each once, in order of appearance. */
export function nonXmlChars(text: string): string[] {
  return [...new Set(text.match(NOT_XML) ?? [])];
}
