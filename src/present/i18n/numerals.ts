// Chinese numerals for ordinals in running text and headings.

/** Chinese numerals for small ordinals (1 → 一, 10 → 十, 12 → 十二). */
export function zhNumber(n: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (!Number.isInteger(n) || n < 0 || n >= 100) return String(n);
  if (n < 10) return digits[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digits[tens]!}十${ones === 0 ? '' : digits[ones]!}`;
}
