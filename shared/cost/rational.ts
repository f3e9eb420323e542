/**
 * Exact fractions of yen (numerator / denominator, both safe integers). Depreciation divides by
 * years and uses; doing that in floating point would make 5,000円 print as 4,999.999…
 * Rounding happens once, where a number is printed (R-C-2: rounding below 1円 is not specified,
 * so the user chooses 切り捨て, 四捨五入 or 切り上げ).
 */
export interface Rational {
  readonly num: number;
  readonly den: number;
}

export type Rounding = 'floor' | 'round' | 'ceil';

export const ROUNDING_LABEL: Record<Rounding, string> = { floor: '切り捨て', round: '四捨五入', ceil: '切り上げ' };

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y) [x, y] = [y, x % y];
  return x || 1;
}

export function rational(num: number, den = 1): Rational {
  if (den === 0) throw new RangeError('division by zero');
  const sign = den < 0 ? -1 : 1;
  const g = gcd(num, den);
  return { num: (sign * num) / g, den: (sign * den) / g };
}

export function mul(a: Rational, b: Rational): Rational {
  return rational(a.num * b.num, a.den * b.den);
}

export function div(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den, a.den * b.num);
}

/** Rounds to whole yen. 四捨五入 rounds halves up (amounts are never negative here). */
export function toYen(r: Rational, mode: Rounding): number {
  const q = Math.floor(r.num / r.den);
  const rem = r.num - q * r.den;
  if (rem === 0) return q;
  switch (mode) {
    case 'floor':
      return q;
    case 'ceil':
      return q + 1;
    case 'round':
      return 2 * rem >= r.den ? q + 1 : q;
  }
}

/** Exact value as a decimal for the arithmetic shown to reviewers (up to 2 decimals). */
export function toDecimal(r: Rational): number {
  return Math.round((r.num / r.den) * 100) / 100;
}
