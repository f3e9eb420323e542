import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldValues } from 'react-hook-form';
import type { Project } from '../../../shared/model/project';
import { formFlag, formFlags } from '../../../shared/projects/carry';
import { useApp } from '../../app/context';

/**
 * The fields of one 様式 carried from an earlier project and still 要確認 (issue 19): `confirm`
 * takes one off (「確認済みにする」); `saved` is told each stored save, and a field whose saved value
 * no longer equals what was carried has been edited — its flag goes too. A change that is never
 * saved (undone, refused, or lost to another window's version) leaves the flag.
 */
export function useCarriedFlags(
  project: Project,
  formId: string,
  carried: FieldValues,
): { readonly flags: ReadonlySet<string>; readonly confirm: (key: string) => void; readonly saved: (values: FieldValues) => void; readonly error: string | undefined } {
  const { repos } = useApp();
  const [flags, setFlags] = useState<ReadonlySet<string>>(() => formFlags(project, formId));
  const current = useRef(flags);
  useEffect(() => {
    current.current = flags;
  }, [flags]);
  const [error, setError] = useState<string>();
  // Keys being taken off now: saves in quick succession do not write again.
  const pending = useRef(new Set<string>());
  const drop = useCallback(
    (wanted: readonly string[]) => {
      const keys = wanted.filter((k) => !pending.current.has(k));
      if (keys.length === 0) return;
      for (const k of keys) pending.current.add(k);
      setError(undefined);
      repos.carry
        .confirm(project.id, keys.map((k) => formFlag(formId, k)))
        .then(
          () => setFlags((now) => new Set([...now].filter((k) => !keys.includes(k)))),
          (e: unknown) => setError(e instanceof Error ? e.message : '要確認を外せませんでした。'),
        )
        .finally(() => {
          for (const k of keys) pending.current.delete(k);
        });
    },
    [repos, project.id, formId],
  );
  const confirm = useCallback((key: string) => drop([key]), [drop]);
  const saved = useCallback(
    (values: FieldValues) => {
      const edited = [...current.current].filter((k) => JSON.stringify(values[k]) !== JSON.stringify(carried[k]));
      if (edited.length > 0) drop(edited);
    },
    [carried, drop],
  );
  return { flags, confirm, saved, error };
}
