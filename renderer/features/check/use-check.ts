/**
 * The チェック結果 of one project (issue 5): its stored records loaded once (and again after the
 * panel changes them), the findings recomputed in memory as the open form's committed values change,
 * and the panel's actions — 「この値に統一」 with its 元に戻す, 確認済み with a reason.
 */
import type { GlyphCoverage } from '../../../shared/rules/catalog/preflight';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PackageId } from '../../../shared/forms/packages';
import { planUnify, type AnswerEdit } from '../../../shared/rules/agreement';
import type { Agreement, AgreementPlace, Finding } from '../../../shared/rules';
import { useApp } from '../../app/context';
import { flushAllAndSettled } from '../../autosave/use-autosave';
import { whenQuiet } from '../../app/when-quiet';
import { checkDataOf, computeFindings, loadCheckData, storedText, type Acknowledgement, type CheckData, type CurrentDoc, type CurrentForm } from './check-data';

export interface UnifyDone {
  /** When it was applied (Date.now()): the way back takes the focus only just after. */
  readonly at: number;
  readonly fact: string;
  readonly display: string;
  readonly edits: readonly AnswerEdit[];
}

/** The result of a panel action; `at` (Date.now()) lets it take the focus only just after. */
export interface SessionNotice {
  readonly kind: 'ok' | 'error';
  readonly text: string;
  readonly at: number;
}

export interface CheckSession {
  readonly projectId: string;
  readonly data: CheckData | undefined;
  readonly loadError: string | undefined;
  readonly busy: boolean;
  /** The last 「この値に統一」, until it is undone or another one is applied. */
  readonly unified: UnifyDone | undefined;
  readonly notice: SessionNotice | undefined;
  readonly unify: (agreement: Agreement, chosen: AgreementPlace) => Promise<void>;
  readonly undoUnify: () => Promise<void>;
  readonly acknowledge: (finding: Finding, reason: string) => Promise<boolean>;
  readonly withdraw: (finding: Finding) => Promise<void>;
}

function messageOf(e: unknown, fallback: string): string {
  return e instanceof Error && /[ぁ-んァ-ヶ一-龠]/.test(e.message) ? e.message : fallback;
}

/**
 * `onChanged` runs after the panel rewrote answers (統一 / 元に戻す): the open editor reloads from
 * the stored rows so it shows the new text. A new `refreshKey` (the open form) reads the records
 * again: what was typed in the previous form is then part of them.
 */
const UNSAVED = '保存されていない入力があります。その様式の保存状態（保存済み）を確かめてから、もう一度お試しください。';

export function useCheckSession(projectId: string, onChanged?: (docs: readonly string[]) => void, refreshKey = ''): CheckSession {
  const { repos } = useApp();
  const [tick, setTick] = useState(0);
  const [loaded, setLoaded] = useState<{ readonly data?: CheckData; readonly error?: string }>({});
  const [busy, setBusy] = useState(false);
  const [unified, setUnified] = useState<UnifyDone>();
  const [notice, setNotice] = useState<CheckSession['notice']>();

  useEffect(() => {
    let alive = true;
    loadCheckData(repos, projectId).then(
      (data) => alive && setLoaded({ data }),
      (e: unknown) => alive && setLoaded((prev) => ({ ...prev, error: messageOf(e, 'チェックに必要なデータを読み込めませんでした。') })),
    );
    return () => {
      alive = false;
    };
  }, [repos, projectId, tick, refreshKey]);
  const reload = useCallback(() => setTick((t) => t + 1), []);

  const rewrite = useCallback(
    async (edits: readonly AnswerEdit[]): Promise<void> => {
      await repos.applyAnswerEdits(projectId, edits);
      reload();
      onChanged?.([...new Set(edits.map((e) => e.doc))]);
    },
    [repos, projectId, reload, onChanged],
  );

  const run = useCallback(async (op: () => Promise<void>, failure: string): Promise<void> => {
    setBusy(true);
    setNotice(undefined);
    try {
      await op();
    } catch (e) {
      setNotice({ kind: 'error', text: messageOf(e, failure), at: Date.now() });
    } finally {
      setBusy(false);
    }
  }, []);

  const unify = useCallback(
    (agreement: Agreement, chosen: AgreementPlace) =>
      run(async () => {
        // What the editors hold is saved first; input that cannot be saved (a conflict) stops the
        // rewrite, or it would later be saved over it. The plan is made against the stored text.
        if (!(await flushAllAndSettled())) throw new Error(UNSAVED);
        const records = await repos.projectRecords(projectId);
        const seen = checkDataOf(records, projectId);
        const stored = checkDataOf(records, projectId, { journals: false });
        const plan = planUnify(agreement, chosen, (doc, field) => storedText(stored, doc, field));
        if (plan.blocked.length > 0) throw new Error('費用の積算で計算される額です。費用の積算を変更してください。');
        if (plan.stale.length > 0 || plan.edits.length === 0) throw new Error('入力が変わったため統一できませんでした。チェック結果を確かめてから、もう一度お試しください。');
        // A journal newer than its row (input not saved yet, e.g. after a crash) is never rewritten under.
        if (plan.edits.some((e) => storedText(seen, e.doc, e.field) !== e.before)) throw new Error(UNSAVED);
        await rewrite(plan.edits);
        setUnified({ at: Date.now(), fact: agreement.fact, display: chosen.display, edits: plan.edits });
      }, '統一できませんでした。もう一度お試しください。'),
    [run, repos, projectId, rewrite],
  );

  const undoUnify = useCallback(
    () =>
      run(async () => {
        if (!unified) return;
        if (!(await flushAllAndSettled())) throw new Error(UNSAVED);
        // One transaction puts every edited field back; refused if one was typed over since.
        await rewrite(unified.edits.map((e) => ({ doc: e.doc, field: e.field, before: e.after, after: e.before })));
        setUnified(undefined);
        setNotice({ kind: 'ok', text: '統一する前の内容に戻しました。', at: Date.now() });
      }, '元に戻せませんでした。もう一度お試しください。'),
    [run, rewrite, unified],
  );

  const saveAcks = useCallback(
    async (update: (acks: Acknowledgement[]) => Acknowledgement[], done: string): Promise<boolean> => {
      setNotice(undefined);
      try {
        const project = await repos.updateAcknowledgements(projectId, update);
        setLoaded((prev) => (prev.data ? { data: { ...prev.data, project } } : prev));
        setNotice({ kind: 'ok', text: done, at: Date.now() });
        return true;
      } catch (e) {
        setNotice({ kind: 'error', text: messageOf(e, '確認済みの記録を保存できませんでした。もう一度お試しください。'), at: Date.now() });
        return false;
      }
    },
    [repos, projectId],
  );
  const acknowledge = useCallback(
    (finding: Finding, reason: string) => {
      const ack: Acknowledgement = { key: finding.key, ruleId: finding.ruleId, reason: reason.trim(), at: new Date().toISOString() };
      return saveAcks((acks) => [...acks.filter((a) => a.key !== finding.key), ack], '確認済みにしました。');
    },
    [saveAcks],
  );
  const withdraw = useCallback(
    async (finding: Finding) => {
      await saveAcks((acks) => acks.filter((a) => a.key !== finding.key), '確認済みを取り消しました。');
    },
    [saveAcks],
  );

  const data = loaded.data?.project.id === projectId ? loaded.data : undefined;
  return { projectId, data, loadError: loaded.error, busy, unified, notice, unify, undoUnify, acknowledge, withdraw };
}

/** How long typing pauses before the findings follow (a burst of keys is checked once, after it; the autosave waits as long). */
export const FINDINGS_DELAY_MS = 400;

/**
 * The findings of the session's project: recomputed only when the data or the open form's values
 * change — and never in the keystroke's task nor the preview's (issue 17): after a pause in the
 * changes, when the page is idle, with the newest values. Until then the findings of the values
 * just before stay shown; undefined until the first check of the project ran.
 */
export function useFindings(session: CheckSession, options: { readonly current?: CurrentForm; readonly currentDoc?: CurrentDoc; readonly packageId?: PackageId; readonly glyphs?: GlyphCoverage | undefined } = {}): Finding[] | undefined {
  const { data } = session;
  const { current, currentDoc, packageId, glyphs } = options;
  const form = current?.form;
  const values = current?.values;
  const docId = currentDoc?.filingId;
  const docContent = currentDoc?.content;
  const input = useMemo(
    () =>
      data
        ? { data, options: { current: form && values ? { form, values } : undefined, currentDoc: docId !== undefined && docContent ? { filingId: docId, content: docContent } : undefined, ...(packageId ? { packageId } : {}), glyphs } }
        : undefined,
    [data, form, values, docId, docContent, packageId, glyphs],
  );
  const [done, setDone] = useState<{ readonly projectId: string; readonly findings: Finding[] }>();
  /** The project whose findings are shown. */
  const shown = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!input) return;
    const projectId = input.data.project.id;
    const run = () => {
      shown.current = projectId;
      setDone({ projectId, findings: computeFindings(input.data, input.options) });
    };
    // A project's first check runs as soon as the screen is painted; later ones after a pause.
    return whenQuiet(run, shown.current === projectId ? FINDINGS_DELAY_MS : 0);
  }, [input]);
  return data && done?.projectId === data.project.id ? done.findings : undefined;
}
