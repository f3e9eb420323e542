import { useEffect, useState } from 'react';

/**
 * `value` once it has stopped changing for `ms` (the first value at once). The report's A4 preview
 * and its project-wide check lay out and read every case: with 1,000 cases they follow a pause in
 * typing, not each keystroke, so typing in the table never waits for them.
 */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, settled, ms]);
  return settled;
}
