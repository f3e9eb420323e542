/**
 * The fields of 別紙7 様式第1号 on the report screen (issue 14): their official wording, the 要確認
 * mark with 「確認済みにする」 around each, and the 総括-only part shown folded where it does not print.
 */
import { Controller, type UseFormReturn } from 'react-hook-form';
import type { ReactNode } from 'react';
import type { MasterList } from '../../../shared/forms/field';
import type { ReportDoc } from '../../../shared/reports/model';
import { DateInput } from '../../components/DateInput';
import { MasterSelect } from '../../forms/MasterPicker';
import type { itemsOf } from '../../forms/master-lists';
import { reportCountProblem } from './report-form';

/** The report as the editor holds it: one object type for both kinds (react-hook-form paths). */
export type ReportForm = Omit<ReportDoc, 'kind'> & { kind: ReportDoc['kind'] };

/** The report fields (spec §3.12) and their official wording. */
export const LABEL = {
  reportDate: '報告書作成日',
  reporterPersonId: '実施者',
  contactPersonId: '問い合わせ先（担当者の役職及び氏名）',
  devices: '使用機器',
  approvedOn: '先進医療承認日',
  endDate: '終了日',
  ethics: '倫理基準等の遵守',
  overviewAttached: '概略図（1枚程度）を添付する',
  title: '1. 標題',
  purpose: '目的',
  plannedPatients: '計画時',
  reportedPatients: '中間報告・終了時',
  nationalPatients: '日本国内における当該疾病患者数',
  nationalPatientsBasis: '日本国内における当該疾病患者数の根拠',
  targetPatients: '日本国内における当該技術の対象となる患者数',
  targetPatientsBasis: '日本国内における当該技術の対象となる患者数の根拠',
  discussion: '考察',
  targetDisease: '対象疾患',
  inclusionCriteria: '選択基準',
  exclusionCriteria: '除外基準',
  primarySafety: '主要評価項目：安全性評価',
  primaryEfficacy: '主要評価項目：有効性評価',
  secondarySafety: '副次評価項目：安全性評価',
  secondaryEfficacy: '副次評価項目：有効性評価',
  results: '結果の一覧',
  zeroReason: '０件の理由',
  zeroPolicy: '医療機関の今後の対応方針',
  paper: '原著論文',
} as const satisfies Partial<Record<keyof ReportDoc, string>>;
export type FieldKey = keyof typeof LABEL;
export type TextKey = Exclude<FieldKey, 'reportDate' | 'approvedOn' | 'reporterPersonId' | 'contactPersonId' | 'overviewAttached'>;

/**
 * The fields only a 先進医療B 総括報告 prints (R-R-6). Any other report shows them folded, saying they
 * are not printed in it (not hidden silently), and read-only.
 */
export function FinalOnly({ fillsAll, kindLabel, children }: { readonly fillsAll: boolean; readonly kindLabel: string; readonly children: ReactNode }) {
  const heading = '診断及び主要な組入れ基準・評価基準・結果の一覧（先進医療Bの総括報告）';
  if (fillsAll) {
    return (
      <section className="card" aria-labelledby="report-final-title" data-testid="report-final-only">
        <h2 id="report-final-title">{heading}</h2>
        {children}
      </section>
    );
  }
  return (
    <details className="card report-not-printed" data-testid="report-final-only">
      <summary>
        <span className="report-not-printed-title">{heading}</span>
        <span className="report-not-printed-note" id="report-final-note">
          {kindLabel}では「1. 標題」「2. 概要」のみを記入します（記載要領 第5-1）。この欄は総括報告でだけ印刷され、この報告には印刷されません。
        </span>
      </summary>
      <fieldset className="report-fields" disabled aria-describedby="report-final-note">
        {children}
      </fieldset>
    </details>
  );
}

export interface FieldProps {
  readonly form: UseFormReturn<ReportForm>;
  /** The report fields still 要確認. */
  readonly flags: ReadonlySet<string>;
  readonly frozen: boolean;
  readonly onEdited: (key: string) => void;
  readonly hint?: string;
}

/** The label, its 要確認 mark and 「確認済みにする」, around one report field (data-field = its key). */
export function FieldFrame(props: FieldProps & { readonly name: FieldKey; readonly message?: string; readonly children: (ids: { id: string; describedBy: string | undefined }) => ReactNode }) {
  const id = `report-field-${props.name}`;
  const flagged = props.flags.has(props.name);
  const describedBy = [props.hint ? `${id}-hint` : '', props.message ? `${id}-msg` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={flagged ? 'field field-unconfirmed' : 'field'} data-field={props.name}>
      <label className="field-label" htmlFor={id}>
        {LABEL[props.name]}
      </label>
      {flagged && (
        <span className="report-flag">
          <span className="badge badge-unconfirmed">要確認</span>
          {!props.frozen && (
            <button type="button" className="btn btn-small" aria-label={`${LABEL[props.name]}を確認済みにする`} onClick={() => props.onEdited(props.name)}>
              確認済みにする
            </button>
          )}
        </span>
      )}
      {props.hint && (
        <p className="field-help" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.children({ id, describedBy })}
      {props.message && (
        <p className="msg msg-error" id={`${id}-msg`}>
          {props.message}
        </p>
      )}
    </div>
  );
}

export function TextField(props: FieldProps & { readonly name: TextKey; readonly rows?: number }) {
  const { name, rows, form } = props;
  const reg = form.register(name, { onChange: () => props.onEdited(name) });
  return (
    <FieldFrame {...props}>
      {({ id, describedBy }) => (rows ? <textarea id={id} className="input" rows={rows} aria-describedby={describedBy} {...reg} /> : <input id={id} className="input" autoComplete="off" aria-describedby={describedBy} {...reg} />)}
    </FieldFrame>
  );
}

/** A count of 2. 概要; its message follows the committed value (`value`: never mid-IME). */
export function CountField(props: FieldProps & { readonly name: 'plannedPatients' | 'reportedPatients' | 'nationalPatients' | 'targetPatients'; readonly value: number | string }) {
  const { name, form, value } = props;
  const reg = form.register(name, { onChange: () => props.onEdited(name) });
  return (
    <FieldFrame {...props} hint={props.hint ? `${props.hint}（人）` : undefined} message={reportCountProblem(name, value) || undefined}>
      {({ id, describedBy }) => <input id={id} className="input input-number" inputMode="numeric" autoComplete="off" aria-describedby={describedBy} {...reg} />}
    </FieldFrame>
  );
}

export function DateField(props: FieldProps & { readonly name: 'reportDate' | 'approvedOn' }) {
  const { name, form } = props;
  const reg = form.register(name, { onChange: () => props.onEdited(name) });
  return <FieldFrame {...props}>{({ id, describedBy }) => <DateInput id={id} aria-describedby={describedBy} {...reg} />}</FieldFrame>;
}

export function CheckField(props: FieldProps) {
  const reg = props.form.register('overviewAttached', { onChange: () => props.onEdited('overviewAttached') });
  return (
    <FieldFrame {...props} name="overviewAttached" hint="本報告書には、当該先進医療の内容がわかる概略図（1枚程度）を添付すること。">
      {({ id, describedBy }) => <input id={id} type="checkbox" aria-describedby={describedBy} {...reg} />}
    </FieldFrame>
  );
}

export function PersonField(props: FieldProps & { readonly name: 'reporterPersonId' | 'contactPersonId'; readonly items: ReturnType<typeof itemsOf>; readonly onAdd: (list: MasterList, values: Readonly<Record<string, string>>) => Promise<string> }) {
  const { name } = props;
  return (
    <FieldFrame {...props}>
      {({ id, describedBy }) => (
        <Controller
          control={props.form.control}
          name={name}
          render={({ field }) => (
            <MasterSelect
              id={id}
              label={LABEL[name]}
              list="people"
              items={props.items}
              onAdd={props.onAdd}
              describedBy={describedBy}
              value={field.value}
              onChange={(v) => {
                field.onChange(v);
                props.onEdited(name);
              }}
            />
          )}
        />
      )}
    </FieldFrame>
  );
}
