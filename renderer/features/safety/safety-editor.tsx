import { useCallback, useMemo, type ComponentType } from 'react';
import type { z } from 'zod';
import type { FilingDocContent } from '../../../shared/filings/filing-doc';
import { useApp } from '../../app/context';
import { useLoad } from '../../app/use-load';
import { useAutosavedForm } from '../../autosave/use-autosaved-form';
import { localJournal } from '../../db/journal';
import { useFonts } from '../../fonts/use-fonts';
import { docSaver } from '../filings/doc-saver';
import { loadSafety, readOnlyJournal, usePeople, type LoadedSafety } from './safety-fields';

/**
 * What the two safety screens (重篤な有害事象等報告, 健康危険情報) share around their fields: loading
 * the report with the data it prints from, and the editor's saving, fonts and 職員名簿.
 */

type SafetyKind = 'serious-adverse-event' | 'health-risk';
type SafetyDoc<K extends SafetyKind = SafetyKind> = Extract<FilingDocContent, { kind: K }>;

/** Loads the report `filingId` of kind `kind` and shows it in `editor` (`what` names it in the error). */
export function SafetyScreen<K extends SafetyKind>(props: {
  readonly projectId: string;
  readonly filingId: string;
  readonly kind: K;
  readonly what: string;
  readonly editor: ComponentType<LoadedSafety<SafetyDoc<K>>>;
}) {
  const { projectId, filingId, kind, what, editor: Editor } = props;
  const { repos } = useApp();
  const loaded = useLoad<LoadedSafety<SafetyDoc<K>>>(() => loadSafety(repos, projectId, filingId, kind, what), [projectId, filingId]);
  if (loaded.status === 'loading') return <p className="loading">読み込み中…</p>;
  if (loaded.status === 'error') return <p className="error-box" role="alert">{loaded.message}</p>;
  return <Editor key={filingId} {...loaded.value} />;
}

/**
 * The loaded report as an autosaved form (journaled under `journalName` while 作成中; a frozen one
 * is only read and never saved), the fonts for the preview, and the project data it prints from
 * with the 職員名簿 as it grows from the screen.
 */
export function useSafetyEditor<T extends SafetyDoc>(loaded: LoadedSafety<T>, journalName: string, schema: z.ZodType<T>) {
  const { filing, doc, rev, frozen, working: loadedWorking } = loaded;
  const { repos } = useApp();
  const journal = useMemo(() => (frozen ? readOnlyJournal<T>() : localJournal(journalName, schema)), [journalName, schema, frozen]);
  const saver = useMemo(() => docSaver<T>(repos, filing, rev), [repos, filing, rev]);
  const save = useCallback(
    async (values: T, editedAt: string) => {
      if (!frozen) await saver(values, editedAt);
    },
    [saver, frozen],
  );
  const editor = useAutosavedForm<T>({ stored: doc, savedAt: undefined, journal, save });
  const fontLoad = useFonts();
  const fonts = fontLoad.state.status === 'ready' ? fontLoad.state.fonts : undefined;
  const { people, addPerson } = usePeople(loadedWorking);
  const working = useMemo(() => ({ ...loadedWorking, masters: { ...loadedWorking.masters, people } }), [loadedWorking, people]);
  return { ...editor, fontLoad, fonts, working, addPerson };
}
