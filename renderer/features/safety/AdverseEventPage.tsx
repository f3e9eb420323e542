import { useCallback, useMemo } from 'react';
import { Controller } from 'react-hook-form';
import { Link } from 'wouter';
import { todayIn } from '../../../shared/dates/iso-date';
import { FILING_STATUS_LABEL, filedOn, filingLabel } from '../../../shared/filings/filing';
import { SAE_CAUSALITY, SAE_EXPECTEDNESS, SAE_LAWS, SAE_OUTCOMES, SAE_REPORT_TYPES, SAE_SERIOUSNESS, SAE_TREATMENT, seriousAdverseEventDocSchema, type SeriousAdverseEventDoc } from '../../../shared/reports/safety';
import { deadlineText, isLate, safetyDeadline } from '../../../shared/reports/safety-deadline';
import { SAE_FORM, safetyLayout, seriousAdverseEventDocument, seriousAdverseEventTitle } from '../../../shared/reports/safety-document';
import { adverseEventPlace, DELAY_REASON_FIELD } from '../../../shared/rules/catalog/safety';
import { DateInput } from '../../components/DateInput';
import { DocumentPreviewPane } from '../../components/DocumentPreviewPane';
import { ExportBar } from '../../components/ExportBar';
import { useFilingCopy } from '../filings/CopyChoice';
import { SaveStatus } from '../../components/SaveStatus';
import { MasterSelect } from '../../forms/MasterPicker';
import { itemsOf } from '../../forms/master-lists';
import { CheckPanel } from '../check/CheckPanel';
import { useCheckSession, useFindings } from '../check/use-check';
import { SafetyScreen, useSafetyEditor } from './safety-editor';
import { Radios, type LoadedSafety } from './safety-fields';
import './safety.css';

type Loaded = LoadedSafety<SeriousAdverseEventDoc>;

/**
 * 別紙7 様式第2号 先進医療に係る重篤な有害事象等報告書 (issue 14 item 5, spec §3.14): one case, one
 * 報告区分, edited beside the A4 preview. The deadline follows from the 知った日 and the governing
 * law (safety-deadline.ts) and is shown as typed; a report past it asks for the 遅延理由, printed as
 * a 遅延理由書 after the report (R-F-5). Saved like every editor; read-only once 提出済み.
 */
export function AdverseEventPage({ projectId, filingId }: { readonly projectId: string; readonly filingId: string }) {
  return <SafetyScreen projectId={projectId} filingId={filingId} kind="serious-adverse-event" what="重篤な有害事象等報告" editor={Editor} />;
}

function Editor(loaded: Loaded) {
  const { filing, frozen } = loaded;
  const { copy, choice: copyChoice } = useFilingCopy(filing);
  const project = loaded.working.project;
  const { form, committed, autosave, formProps, fontLoad, fonts, working, addPerson } = useSafetyEditor(loaded, `adverse-event:${filing.id}`, seriousAdverseEventDocSchema);
  const { register, control, getValues } = form;
  const place = adverseEventPlace(filing.id);
  const check = useCheckSession(project.id);
  const findings = useFindings(check, { currentDoc: { filingId: filing.id, content: committed } });
  const sent = filedOn(filing);

  const build = useCallback(
    (values: SeriousAdverseEventDoc, f: NonNullable<typeof fonts>) => {
      const model = seriousAdverseEventDocument(values, working, { today: todayIn('Asia/Tokyo'), ...(sent ? { filedOn: sent } : {}) });
      return { model, laidOut: safetyLayout(model, f.metrics, { draft: !frozen && copy === 'draft' }) };
    },
    [working, sent, frozen, copy],
  );
  const preview = useMemo(() => (fonts ? build(committed, fonts) : undefined), [fonts, committed, build]);
  const deadline = safetyDeadline(committed);
  const late = isLate(committed, sent) === true;
  const title = seriousAdverseEventTitle(committed);

  return (
    <div className="editor-layout safety">
      <section className="editor-pane" aria-labelledby="sae-title">
        <nav className="breadcrumb" aria-label="現在位置">
          <Link href="/">案件一覧</Link> › <Link href={`/projects/${project.id}`}>{project.name || '無題の案件'}</Link> › {filingLabel(filing)}
        </nav>
        <div className="editor-head">
          <h1 id="sae-title">
            {SAE_FORM.title}
            <span className="badge">推定様式</span>
          </h1>
          {!frozen && <SaveStatus autosave={autosave} />}
        </div>
        <p className="help">公式の様式を確認できていないため、記載要領と関連する報告書の項目から構成した様式です（推定様式）。提出前に地方厚生（支）局の様式と照合してください。</p>
        <p className="notice" role="note">
          重篤な有害事象等が発生した場合は、まず厚生労働省医政局（研究開発政策課）に連絡してください（記載要領 第5-3）。報告書は症例ごとに作成します。
        </p>
        {frozen && (
          <p className="notice" role="status" data-testid="sae-frozen">
            この報告は「{FILING_STATUS_LABEL[filing.status]}」のため、読み取り専用です。{filing.status === 'withdrawn' ? '' : '提出した内容は届出・報告の経過の控えに残っています。'}
          </p>
        )}
        <div className="safety-deadline" aria-live="polite">
          <p data-testid="sae-deadline" className={late ? 'safety-due safety-due-late' : 'safety-due'}>
            {deadlineText(deadline)}
          </p>
          {deadline && !deadline.rule.confirmed && (
            <p className="help" data-testid="sae-deadline-unverified">
              要確認：{deadline.rule.days === undefined ? '先進医療の通知（第3の2(1)）が定める報告期限の日数は確認できていません。通知で期限を確かめてください。' : `${deadline.rule.basis}。通知・委員会の手順で確かめてください。`}
            </p>
          )}
          {deadline && <p className="help">期限は知った日の翌日から数えた暦日です（初日不算入。土日・祝日も数えます）。根拠：{deadline.rule.basis}（{deadline.rule.covers}）</p>}
          {late && (
            <p className="msg msg-error" role="alert" data-testid="sae-late">
              期限を過ぎています。遅延理由書（様式任意）を添えて報告します。下の「遅延理由」を入力してください。
            </p>
          )}
        </div>
        {!frozen && copyChoice}
        <ExportBar
          labels={{ pdf: '報告書をPDFで保存', docx: '報告書をWordで保存' }}
          print={false}
          baseName={`${title}_${project.technologyName.trim() || project.name}`}
          fonts={fonts}
          beforeExport={autosave.flush}
          current={() => (fonts ? { doc: build(structuredClone(getValues()), fonts), fonts } : undefined)}
        />
        {!frozen && <CheckPanel session={check} findings={findings} formId={place} place="この報告書" />}
        <form className="form" {...formProps}>
          <fieldset className="safety-fields" disabled={frozen}>
            <div className="field">
              <label className="field-label" htmlFor="sae-report-date">報告日</label>
              <DateInput id="sae-report-date" {...register('reportDate')} />
            </div>
            <Radios legend="報告区分" values={SAE_REPORT_TYPES} field={register('reportType')} />
            <div className="field">
              <label className="field-label" htmlFor="sae-reporter">報告者</label>
              <Controller
                control={control}
                name="reporterPersonId"
                render={({ field }) => <MasterSelect id="sae-reporter" label="報告者" list="people" items={itemsOf(working.masters, 'people')} onAdd={addPerson} describedBy={undefined} value={field.value} onChange={field.onChange} />}
              />
            </div>
            <div className="field">
              <label className="field-label" htmlFor="sae-bureau">宛先の地方厚生（支）局</label>
              <input id="sae-bureau" className="input" autoComplete="off" aria-describedby="sae-bureau-help" {...register('bureau')} />
              <p id="sae-bureau-help" className="help">空欄のときは様式第1-2号の宛先を使います（例：関東信越厚生局）。都道府県を管轄する事務所に報告します。</p>
            </div>
            <h2>患者</h2>
            <div className="field">
              <label className="field-label" htmlFor="sae-code">患者識別コード</label>
              <input id="sae-code" className="input" autoComplete="off" aria-describedby="sae-code-help" {...register('patientCode')} />
              <p id="sae-code-help" className="help">氏名は書かず、症例の識別コードを入力します。</p>
            </div>
            <div className="field">
              <label className="field-label" htmlFor="sae-age">年齢</label>
              <input id="sae-age" className="input input-short" autoComplete="off" {...register('patientAge')} />
            </div>
            <Radios legend="性別" values={['男', '女']} field={register('patientSex')} />
            <div className="field">
              <label className="field-label" htmlFor="sae-disease">原疾患</label>
              <input id="sae-disease" className="input" autoComplete="off" {...register('primaryDisease')} />
            </div>
            <div className="field">
              <label className="field-label" htmlFor="sae-performed">先進医療実施日</label>
              <DateInput id="sae-performed" {...register('performedOn')} />
            </div>
            <h2>有害事象等</h2>
            <div className="field">
              <label className="field-label" htmlFor="sae-event">有害事象等名（診断名）</label>
              <input id="sae-event" className="input" autoComplete="off" {...register('eventName')} />
            </div>
            <div className="field">
              <label className="field-label" htmlFor="sae-onset">発現日</label>
              <DateInput id="sae-onset" {...register('onsetDate')} />
            </div>
            <div className="field">
              <label className="field-label" htmlFor="sae-learned">知った日</label>
              <DateInput id="sae-learned" aria-describedby="sae-learned-help" {...register('learnedOn')} />
              <p id="sae-learned-help" className="help">医療機関が有害事象等の発生を知った日です。報告期限はこの日から数えます。</p>
            </div>
            <Controller
              control={control}
              name="seriousness"
              render={({ field }) => (
                <fieldset className="group" data-field="seriousness">
                  <legend>重篤と判断した理由</legend>
                  <div className="radios radios-column">
                    {SAE_SERIOUSNESS.map((s) => (
                      <label key={s} className="check">
                        <input
                          type="checkbox"
                          checked={field.value.includes(s)}
                          onChange={(e) => field.onChange(SAE_SERIOUSNESS.filter((x) => (x === s ? e.target.checked : field.value.includes(x))))}
                        />
                        {s}
                      </label>
                    ))}
                  </div>
                  <p className="help">当てはまるものをすべて選びます。</p>
                </fieldset>
              )}
            />
            <Radios legend="予測可能性" values={SAE_EXPECTEDNESS} field={register('expectedness')} help="既知：研究計画書・説明文書等から予測できるもの。未知：予測できないもの。" />
            <Radios legend="当該技術との因果関係" values={SAE_CAUSALITY} field={register('causality')} />
            <div className="field">
              <label className="field-label" htmlFor="sae-causality-reason">因果関係の判断理由</label>
              <textarea id="sae-causality-reason" className="input safety-text" rows={3} {...register('causalityReason')} />
            </div>
            <Radios legend="処置" values={SAE_TREATMENT} field={register('treatment')} />
            <div className="field">
              <label className="field-label" htmlFor="sae-treatment">処置の内容</label>
              <textarea id="sae-treatment" className="input safety-text" rows={3} {...register('treatmentDetail')} />
            </div>
            <Radios legend="転帰" values={SAE_OUTCOMES} field={register('outcome')} />
            <div className="field">
              <label className="field-label" htmlFor="sae-outcome-date">転帰日</label>
              <DateInput id="sae-outcome-date" {...register('outcomeDate')} />
            </div>
            <div className="field">
              <label className="field-label" htmlFor="sae-course">経過</label>
              <textarea id="sae-course" className="input safety-text" rows={8} {...register('course')} />
            </div>
            <div className="field">
              <label className="field-label" htmlFor="sae-plan">今後の対応</label>
              <textarea id="sae-plan" className="input safety-text" rows={4} {...register('plan')} />
            </div>
            <Radios
              legend="適用される法令"
              values={SAE_LAWS}
              field={register('law')}
              help="臨床研究法・再生医療等安全性確保法の下で行う研究では、その法令の疾病等報告の期限で数えます。「それ以外」は先進医療の通知の期限（日数は要確認）です。"
            />
            {(late || committed.delayReason.trim() !== '') && (
              <div className="field" data-field={DELAY_REASON_FIELD}>
                <label className="field-label" htmlFor="sae-delay">遅延理由</label>
                <textarea id="sae-delay" className="input safety-text" rows={4} aria-describedby="sae-delay-help" {...register('delayReason')} />
                <p id="sae-delay-help" className="help">報告期限を過ぎた理由を書きます。報告書のあとに「遅延理由書」として印刷されます。</p>
              </div>
            )}
          </fieldset>
        </form>
      </section>
      <DocumentPreviewPane fontLoad={fontLoad} doc={preview?.laidOut} label={`${title}のプレビュー`} />
    </div>
  );
}
