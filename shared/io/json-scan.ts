/**
 * DATA-15 (issue 12): a cheap look at JSON bytes before `JSON.parse` builds them. A 255 KB zip can
 * hold 250 MB of `{},{},…`: parsing that builds millions of objects, freezes the page for a minute
 * and takes the CLI past 6 GB. The scanner counts values and nesting as the bytes arrive — one
 * pass, no allocation, strings skipped with `indexOf` — and says stop at the first limit passed, so
 * such a file is refused after a few MB instead of after all of them.
 *
 * It does not check the grammar (JSON.parse does that afterwards): structural bytes are ASCII and
 * never occur inside a multi-byte UTF-8 sequence, so counting over bytes is exact.
 */

/**
 * Measured on the backups `npm run bench` builds (issue 12): its backup of 20 sample projects,
 * each with its as-filed copy (PDF + Word, base64), is 10.9 MB of JSON with 21,144 values and
 * nesting 10; without the copies 0.3 MB and 8,386 values; the stress project (200 products,
 * 50 staff, 10,000-character texts) 1.4 MB and 3,652 values.
 *
 * - maxBytes 128 MB: 11 × that backup — some 230 as-filed copies (≈ 0.55 MB each), e.g. 20
 *   technologies with 10 filings sent each. A zip may inflate that far only when it is big
 *   itself (read-import.ts `inflateLimit`): a small file stays within 64 MB, read in under 2 s.
 * - maxValues 1,000,000: about 50 × that backup, 120 × a workspace of 20 projects without copies
 *   (≈ 420 values a project): 2,000 projects. Values are counted as `,` `{` `[` outside strings.
 * - maxDepth 40: four times the deepest real file (10).
 */
export const JSON_LIMITS = { maxBytes: 128 * 1024 * 1024, maxValues: 1_000_000, maxDepth: 40 } as const;

export type JsonLimits = { readonly maxBytes: number; readonly maxValues: number; readonly maxDepth: number };
export type JsonScanProblem = 'too-large' | 'too-many-values' | 'too-deep';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Fed the bytes chunk by chunk (while a zip entry inflates) or all at once (`scanJson`). */
export class JsonScanner {
  private bytes = 0;
  private values = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private problem: JsonScanProblem | undefined;

  constructor(private readonly limits: JsonLimits = JSON_LIMITS) {}

  /** The first limit passed so far (undefined while within every limit). */
  get result(): JsonScanProblem | undefined {
    return this.problem;
  }

  push(chunk: Uint8Array): JsonScanProblem | undefined {
    if (this.problem) return this.problem;
    this.bytes += chunk.byteLength;
    if (this.bytes > this.limits.maxBytes) return (this.problem = 'too-large');
    const n = chunk.byteLength;
    // Positions of the next quote and backslash at or after i, found once and reused (-1: none left).
    let nextQuote = -2;
    let nextSlash = -2;
    let i = 0;
    while (i < n) {
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
          i++;
          continue;
        }
        if (nextQuote !== -1 && nextQuote < i) nextQuote = chunk.indexOf(QUOTE, i);
        if (nextSlash !== -1 && nextSlash < i) nextSlash = chunk.indexOf(BACKSLASH, i);
        if (nextSlash !== -1 && (nextQuote === -1 || nextSlash < nextQuote)) {
          this.escaped = true;
          i = nextSlash + 1;
        } else if (nextQuote === -1) {
          break; // the string goes on in the next chunk
        } else {
          this.inString = false;
          i = nextQuote + 1;
        }
        continue;
      }
      switch (chunk[i]) {
        case QUOTE:
          this.inString = true;
          break;
        case 0x7b: // {
        case 0x5b: // [
          if (++this.depth > this.limits.maxDepth) return (this.problem = 'too-deep');
          if (++this.values > this.limits.maxValues) return (this.problem = 'too-many-values');
          break;
        case 0x7d: // }
        case 0x5d: // ]
          this.depth--;
          break;
        case 0x2c: // ,
          if (++this.values > this.limits.maxValues) return (this.problem = 'too-many-values');
          break;
        default:
      }
      i++;
    }
    return undefined;
  }
}

/** The whole text at once (a plain .json file). */
export function scanJson(bytes: Uint8Array, limits: JsonLimits = JSON_LIMITS): JsonScanProblem | undefined {
  return new JsonScanner(limits).push(bytes);
}
