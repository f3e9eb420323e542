import { useCallback, useMemo } from 'react';
import { Controller } from 'react-hook-form';
import { Link } from 'wouter';
import { todayIn } from '../../../shared/dates/iso-date';
import { FILING_STATUS_LABEL, filingLabel } from '../../../shared/filings/filing';
import { HEALTH_RISK_GRADES, HR_BASIS, HR_IMPACT, HR_KNOWN, HR_MEASURES, HR_URGENCY, healthRiskDocSchema, type HealthRiskDoc } from '../../../shared/reports/safety';
import { HEALTH_RISK_FORM, HEALTH_RISK_TITLE, healthRiskDocument, safetyLayout } from '../../../shared/reports/safety-document';
import { FOREIGN_BODIES_NOTE, GRADE_DEFINITIONS, GRADE_LABEL, GRADE_QUESTIONS, suggestGrade } from '../../../shared/reports/safety-grade';
import { DateInput } from '../../components/DateInput';
import { DocumentPreviewPane } from '../../components/DocumentPreviewPane';
import { ExportBar } from '../../components/ExportBar';
import { useFilingCopy } from '../filings/CopyChoice';
import { SaveStatus } from '../../components/SaveStatus';
import { MasterSelect } from '../../forms/MasterPicker';
import { itemsOf } from '../../forms/master-lists';
import { SafetyScreen, useSafetyEditor } from './safety-editor';
import { Radios, type LoadedSafety } from './safety-fields';
import './safety.css';

type Loaded = LoadedSafety<HealthRiskDoc>;

/**
 * 別紙7 様式第3号 先進医療に係る健康危険情報 (issue 14 item 5, spec §3.15): the information, its
 * source, and the 「情報に関する評価・コメント」. The grade helper asks the 記載要領's questions and
 * shows the definitions the answers meet with a suggested grade; the grade printed is only ever the
 * one the user chooses.
 */
export function HealthRiskPage({ projectId, filingId }: { readonly projectId: string; readonly filingId: string }) {
  return <SafetyScreen projectId={projectId} filingId={filingId} kind="health-risk" what="健康危険情報" editor={Editor} />;
}

function Editor(loaded: Loaded) {
  const { filing, frozen } = loaded;
  const { copy, choice: copyChoice } = useFilingCopy(filing);
  const project = loaded.working.project;
  const { form, committed, autosave, formProps, fontLoad, fonts, working, addPerson } = useSafetyEditor(loaded, `health-risk:${filing.id}`, healthRiskDocSchema);
  const { register, control, getValues } = form;

  const build = useCallback(
    (values: HealthRiskDoc, f: NonNullable<typeof fonts>) => {
      const model = healthRiskDocument(values, working, { today: todayIn('Asia/Tokyo') });
      return { model, laidOut: safetyLayout(model, f.metrics, { draft: !frozen && copy === 'draft' }) };
    },
    [working, frozen, copy],
  );
  const preview = useMemo(() => (fonts ? build(committed, fonts) : undefined), [fonts, committed, build]);
  const suggestion = suggestGrade(committed.answers);

  return (
    <div className="editor-layout safety">
      <section className="editor-pane" aria-labelledby="hr-title">
        <nav className="breadcrumb" aria-label="現在位置">
          <Link href="/">案件一覧</Link> › <Link href={`/projects/${project.id}`}>{project.name || '無題の案件'}</Link> › {filingLabel(filing)}
        </nav>
        <div className="editor-head">
          <h1 id="hr-title">
            {HEALTH_RISK_FORM.title}
            <span className="badge">推定様式</span>
          </h1>
          {!frozen && <SaveStatus autosave={autosave} />}
        </div>
        <p className="help">項目は記載要領（第5-4）によります。印刷の配置は公式の様式を確認できていないための推定です（推定様式）。提出前に公式の様式と照合してください。</p>
        {frozen && (
          <p className="notice" role="status" data-testid="hr-frozen">
            この報告は「{FILING_STATUS_LABEL[filing.status]}」のため、読み取り専用です。{filing.status === 'withdrawn' ? '' : '提出した内容は届出・報告の経過の控えに残っています。'}
          </p>
        )}
        {!frozen && copyChoice}
        <ExportBar
          labels={{ pdf: '報告書をPDFで保存', docx: '報告書をWordで保存' }}
          print={false}
          baseName={`${HEALTH_RISK_TITLE}_${project.technologyName.trim() || project.name}`}
          fonts={fonts}
          beforeExport={autosave.flush}
          current={() => (fonts ? { doc: build(structuredClone(getValues()), fonts), fonts } : undefined)}
        />
        <form className="form" {...formProps}>
          <fieldset className="safety-fields" disabled={frozen}>
            <div className="field">
              <label className="field-label" htmlFor="hr-date">報告日</label>
              <DateInput id="hr-date" {...register('reportDate')} />
            </div>
            <div className="field">
              <label className="field-label" htmlFor="hr-reporter">報告者</label>
              <Controller
                control={control}
                name="reporterPersonId"
                render={({ field }) => <MasterSelect id="hr-reporter" label="報告者" list="people" items={itemsOf(working.masters, 'people')} onAdd={addPerson} describedBy={undefined} value={field.value} onChange={field.onChange} />}
              />
            </div>
            <div className="field">
              <label className="field-label" htmlFor="hr-bureau">宛先の地方厚生（支）局</label>
              <input id="hr-bureau" className="input" autoComplete="off" aria-describedby="hr-bureau-help" {...register('bureau')} />
              <p id="hr-bureau-help" className="help">空欄のときは様式第1-2号の宛先を使います（例：関東信越厚生局）。</p>
            </div>
            <div className="field">
              <label className="field-label" htmlFor="hr-summary">情報の概要</label>
              <textarea id="hr-summary" className="input safety-text" rows={6} {...register('summary')} />
            </div>
            <div className="field">
              <label className="field-label" htmlFor="hr-source">情報源</label>
              <textarea id="hr-source" className="input safety-text" rows={3} {...register('source')} />
            </div>
            <section className="card safety-helper" aria-labelledby="hr-helper-title">
              <h2 id="hr-helper-title">グレードの目安（記載要領 第5-4(2)）</h2>
              <p className="help">質問に答えると、当てはまるグレードの定義を示します。グレードは下の「グレード」で選んでください（自動では選びません）。{FOREIGN_BODIES_NOTE}</p>
              <Radios legend={GRADE_QUESTIONS.impact} values={HR_IMPACT} field={register('answers.impact')} />
              <Radios legend={GRADE_QUESTIONS.urgency} values={HR_URGENCY} field={register('answers.urgency')} />
              <Radios legend={GRADE_QUESTIONS.basis} values={HR_BASIS} field={register('answers.basis')} column />
              <Radios legend={GRADE_QUESTIONS.known} values={HR_KNOWN} field={register('answers.known')} />
              <Radios legend={GRADE_QUESTIONS.measures} values={HR_MEASURES} field={register('answers.measures')} />
              <div aria-live="polite" data-testid="hr-suggestion">
                {suggestion ? (
                  <>
                    <p className="safety-suggestion">目安：{GRADE_LABEL[suggestion.grade]}</p>
                    <ul>
                      {suggestion.met.map((d) => (
                        <li key={d.text}>
                          {GRADE_LABEL[d.grade]}：{d.text}
                        </li>
                      ))}
                    </ul>
                    {committed.grade !== '' && committed.grade !== suggestion.grade && <p className="msg msg-warning">選んだグレード（{GRADE_LABEL[committed.grade]}）は目安と違います。判断の理由をコメントに書いてください。</p>}
                  </>
                ) : (
                  <p className="muted">回答からは、当てはまる定義がまだありません。</p>
                )}
              </div>
              <details>
                <summary>グレードの定義（記載要領 第5-4(2)）</summary>
                <ul>
                  {GRADE_DEFINITIONS.map((d) => (
                    <li key={d.text}>
                      {GRADE_LABEL[d.grade]}：{d.text}
                    </li>
                  ))}
                </ul>
              </details>
            </section>
            <Radios legend="情報に関する評価・コメント：グレード" values={HEALTH_RISK_GRADES} labels={GRADE_LABEL} field={register('grade')} column dataField="grade" />
            <div className="field">
              <label className="field-label" htmlFor="hr-comment">情報に関する評価・コメント：コメント</label>
              <textarea id="hr-comment" className="input safety-text" rows={5} {...register('comment')} />
            </div>
          </fieldset>
        </form>
      </section>
      <DocumentPreviewPane fontLoad={fontLoad} doc={preview?.laidOut} label={`${HEALTH_RISK_TITLE}のプレビュー`} />
    </div>
  );
}
