import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldValues } from 'react-hook-form';
import type { Project } from '../../../shared/model/project';
import { formFlag, formFlags } from '../../../shared/projects/carry';
import { useApp } from '../../app/context';

/**
 * The fields of one 様式 carried from an earlier project and still 要確認 (issue 19): `confirm`
 * takes one off (「確認済みにする」), and a field whose committed value no longer equals what was
 * carried has been edited — its flag goes too.
 */
export function useCarriedFlags(project: Project, formId: string, carried: FieldValues, committed: FieldValues): { readonly flags: ReadonlySet<string>; readonly confirm: (key: string) => void; readonly error: string | undefined } {
  const { repos } = useApp();
  const [flags, setFlags] = useState<ReadonlySet<string>>(() => formFlags(project, formId));
  const [error, setError] = useState<string>();
  // Keys being taken off now: typing on in an edited field does not write again.
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
  useEffect(() => {
    const edited = [...flags].filter((k) => JSON.stringify(committed[k]) !== JSON.stringify(carried[k]));
    if (edited.length > 0) drop(edited);
  }, [committed, carried, flags, drop]);
  return { flags, confirm, error };
}
