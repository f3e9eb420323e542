/**
 * The progress of reading a chosen file, restoring a backup or putting back an earlier state
 * (issue 17): a labelled progress bar and the steps 読み込み → 点検 → 書き込み（n/m件）.
 */

export type RestoreStep = 'read' | 'check' | 'write';

export interface RestoreStage {
  /** What is being done, the progress bar's label (「復元しています」). */
  readonly title: string;
  /** The steps this operation has, in order (putting back a state has only 書き込み). */
  readonly steps: readonly RestoreStep[];
  readonly step: RestoreStep;
  /** Projects written so far, of `total`, once the writing has begun. */
  readonly written?: number;
  readonly total?: number;
}

const STEP_NAME: Readonly<Record<RestoreStep, string>> = { read: '読み込み', check: '点検', write: '書き込み' };

/** The performance marks around a restore, read by the browser section of `npm run bench`. */
export const RESTORE_START = 'senshin:restore-start';
export const RESTORE_DONE = 'senshin:restore-done';

export function stepText(stage: RestoreStage, step: RestoreStep): string {
  const counted = step === 'write' && stage.step === 'write' && stage.total !== undefined;
  return counted ? `${STEP_NAME[step]}（${stage.written ?? 0}/${stage.total ?? 0}件）` : STEP_NAME[step];
}

export function RestoreProgress({ stage }: { readonly stage: RestoreStage }) {
  const at = stage.steps.indexOf(stage.step);
  const counted = stage.step === 'write' && stage.total !== undefined && stage.total > 0;
  return (
    <div className="card" aria-busy="true">
      <p>
        <label htmlFor="restore-progress">{stage.title}</label>{' '}
        {/* Without a value the bar shows work going on; while writing it counts the projects. */}
        <progress id="restore-progress" {...(counted ? { value: stage.written ?? 0, max: stage.total } : {})} aria-valuetext={stepText(stage, stage.step)} />
      </p>
      <ol className="plain-list">
        {stage.steps.map((s, i) => (
          <li key={s} aria-current={i === at ? 'step' : undefined}>
            {stepText(stage, s)}
            {i < at ? '：済み' : i === at ? '：いま行っています' : ''}
          </li>
        ))}
      </ol>
    </div>
  );
}
