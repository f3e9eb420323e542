/**
 * The two wrappers every repository write goes through: validate before writing (DATA-09) and turn
 * a failed write into a typed error with a Japanese message (DATA-12, full disk named as such).
 */
import type { z } from 'zod';
import { DbError, isDiskFull } from './errors';

export function validate<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const first = r.error.issues[0];
    throw new DbError('invalid', `${what}を保存できませんでした：${first?.message ?? '内容が正しくありません'}`, { cause: r.error });
  }
  return r.data;
}

export async function write<T>(what: string, op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    if (e instanceof DbError) throw e;
    const message = isDiskFull(e)
      ? `${what}を保存できませんでした：ディスクの空き容量が足りません。不要なファイルを削除してから、もう一度お試しください。`
      : `${what}を保存できませんでした。もう一度お試しください。`;
    throw new DbError('write-failed', message, { cause: e });
  }
}

/** Stored rows parsed one by one (DATA-09): those that read, and how many did not (kept, shown, never overwritten). */
export function parseEach<S extends z.ZodType>(schema: S, rows: readonly unknown[]): { readonly rows: Array<z.output<S>>; readonly unreadable: number } {
  const out: Array<z.output<S>> = [];
  let unreadable = 0;
  for (const row of rows) {
    const r = schema.safeParse(row);
    if (r.success) out.push(r.data);
    else unreadable++;
  }
  return { rows: out, unreadable };
}
