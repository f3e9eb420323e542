import { useCallback, useMemo } from 'react';
import type { z } from 'zod';
import { useApp } from '../../app/context';
import { useAutosavedForm } from '../../autosave/use-autosaved-form';
import { localJournal } from '../../db/journal';
import type { MasterLists } from '../../db/repositories';

/**
 * One master list as an autosaved form ({ items }): journaled, saved whole after each committed
 * edit, nothing saved mid-IME-composition (useAutosavedForm).
 */
export function useMasterListForm<K extends 'departments' | 'products' | 'committees' | 'phrases'>(list: K, schema: z.ZodType<{ items: MasterLists[K] }>, initial: MasterLists[K]) {
  const { repos } = useApp();
  const journal = useMemo(() => localJournal(`master:${list}`, schema), [list, schema]);
  const stored = useMemo(() => ({ items: initial }), [initial]);
  const save = useCallback((v: { items: MasterLists[K] }) => repos.saveMasterList(list, v.items), [repos, list]);
  return useAutosavedForm({ stored, savedAt: undefined, journal, save });
}

