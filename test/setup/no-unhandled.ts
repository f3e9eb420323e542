// Any unhandled promise rejection fails the run (DATA-12): a rejection nobody handles is a bug.
import { afterAll } from 'vitest';

const seen: unknown[] = [];
const onRejection = (reason: unknown): void => {
  seen.push(reason);
};
process.on('unhandledRejection', onRejection);

afterAll(() => {
  process.off('unhandledRejection', onRejection);
  if (seen.length > 0) throw new Error(`unhandled promise rejection: ${String(seen[0])}`);
});
