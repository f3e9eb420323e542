import { useRef } from 'react';
import { Controller, useFieldArray, type UseFormReturn } from 'react-hook-form';
import { Link } from 'wouter';
import { formatWareki } from '../../../shared/dates/wareki';
import { todayIn } from '../../../shared/dates/iso-date';
import { checkEmail, checkPhone, checkSlots, checkVisitors, consultationValidity } from '../../../shared/forms/jizen-soudan/checks';
import { lengthMessages, maxLengthOf, type Category } from '../../../shared/forms/field';
import { EMPTY_MASTERS, type Product } from '../../../shared/model/master';
import { MasterMultiSelect, type AddMaster } from '../../forms/MasterPicker';
import { itemsOf } from '../../forms/master-lists';
import { CATEGORY_NOTE, fieldText, jizenSoudanSchema, type ContactKey, type InstitutionProfile } from '../../../shared/forms/jizen-soudan/schema';
import { Field, FieldMessages } from '../../components/Field';
import type { FormValues } from './form-values';
import { DateInput } from '../../components/DateInput';

interface Props {
  readonly form: UseFormReturn<FormValues>;
  /** Values as of the last committed edit (never mid-IME-composition): messages use these. */
  readonly committed: FormValues;
  readonly profile: InstitutionProfile;
  /** The project's 区分: printed, not asked again (issue 15). */
  readonly category: Category;
  readonly projectId: string;
  /** The 品目 of the マスタ, picked for 使用する医薬品又は医療機器. */
  readonly products: readonly Product[];
  readonly onAddProduct: AddMaster;
}

const SLOT_NAMES = ['第1希望', '第2希望', '第3希望'] as const;
const MAX_VISITORS = 30;
const len = (value: string, key: keyof typeof jizenSoudanSchema.shape) => lengthMessages(value, maxLengthOf(jizenSoudanSchema.shape[key]));

export function JizenSoudanFields({ form, committed, profile, category, projectId, products, onAddProduct }: Props) {
  const { register, setValue, control } = form;
  const visitors = useFieldArray({ control, name: 'visitors' });
  const addVisitorRef = useRef<HTMLButtonElement>(null);
  const today = todayIn('Asia/Tokyo');

  const contactHint = (key: ContactKey) => {
    const same = committed[key] === profile[key];
    if (profile[key] === '') return undefined;
    return same ? (
      <p className="field-source">設定 › 医療機関情報 の値を使っています</p>
    ) : (
      <p className="field-source field-source-override">
        この案件だけの値です（医療機関情報：{profile[key]}）
        <button type="button" className="btn btn-small" onClick={() => setValue(key, profile[key], { shouldDirty: true })}>
          医療機関情報の値に戻す
        </button>
      </p>
    );
  };

  const text = (key: ContactKey, label: string, type = 'text', messages = [] as ReturnType<typeof checkEmail>) => (
    <Field label={label} messages={messages} extra={contactHint(key)}>
      {({ id, describedBy }) => <input id={id} type={type} className="input" aria-describedby={describedBy} autoComplete="off" {...register(key)} />}
    </Field>
  );

  const validity = consultationValidity(committed.heldOn, today);
  const slotChecks = checkSlots(committed.slots, today);

  return (
    <>
      <p className="form-lead">
        医療機関名・担当者・連絡先は <Link href="/settings">設定 › 医療機関情報</Link> の値が入ります。ここで書き換えると、この案件だけの値になります。
      </p>

      <Field label={fieldText.institutionName.label} help={fieldText.institutionName.help} messages={len(committed.institutionName, 'institutionName')} extra={contactHint('institutionName')}>
        {({ id, describedBy }) => <input id={id} className="input" aria-describedby={describedBy} autoComplete="off" {...register('institutionName')} />}
      </Field>

      <fieldset className="group">
        <legend>{fieldText.contact.label}</legend>
        <div className="row-2">
          {text('contactAffiliation', fieldText.contactAffiliation.label)}
          {text('contactName', fieldText.contactName.label)}
        </div>
      </fieldset>

      <fieldset className="group">
        <legend>{fieldText.reach.label}</legend>
        <div className="row-3">
          {text('tel', fieldText.tel.label, 'tel', checkPhone(committed.tel))}
          {text('fax', fieldText.fax.label, 'tel', checkPhone(committed.fax))}
          {text('email', fieldText.email.label, 'email', checkEmail(committed.email))}
        </div>
      </fieldset>

      <Field label={fieldText.technologyName.label} help={fieldText.technologyName.help} messages={lengthMessages(committed.technologyName, 500)}>
        {({ id, describedBy }) => <input id={id} className="input" aria-describedby={describedBy} autoComplete="off" {...register('technologyName')} />}
      </Field>

      <Field label={fieldText.productIds.label} help={fieldText.productIds.help} as="div">
        {({ describedBy }) => (
          <Controller
            name="productIds"
            control={control}
            render={({ field }) => (
              <MasterMultiSelect
                label={fieldText.productIds.label}
                list="products"
                kinds={undefined}
                items={itemsOf({ ...EMPTY_MASTERS, products }, 'products')}
                onAdd={onAddProduct}
                describedBy={describedBy}
                value={field.value}
                onChange={field.onChange}
              />
            )}
          />
        )}
      </Field>

      <Field label={fieldText.products.label} guidance={fieldText.products.printedGuidance} help={fieldText.products.help} messages={len(committed.products, 'products')}>
        {({ id, describedBy }) => <textarea id={id} className="input textarea" rows={5} aria-describedby={describedBy} {...register('products')} />}
      </Field>

      <fieldset className="group" aria-describedby="slots-guide">
        <legend>{fieldText.slots.label}</legend>
        <p id="slots-guide" className="field-guidance">
          {fieldText.slots.printedGuidance} {fieldText.slots.help}
        </p>
        <FieldMessages id="slots-group-msg" messages={slotChecks.group} />
        {SLOT_NAMES.map((name, i) => {
          const messages = slotChecks.perSlot[i] ?? [];
          return (
            <div className="slot" key={name} data-testid={`slot-${i + 1}`}>
              <span className="slot-name" aria-hidden="true">{name}</span>
              <label className="slot-part">
                <span className="visually-hidden">{name} 日付</span>
                <DateInput aria-describedby={`slot-${i}-msg`} {...register(`slots.${i}.date`)} />
              </label>
              <label className="slot-part">
                <span className="visually-hidden">{name} 開始時刻</span>
                <input type="time" step={600} className="input" aria-describedby={`slot-${i}-msg`} {...register(`slots.${i}.start`)} />
              </label>
              <span aria-hidden="true">〜</span>
              <label className="slot-part">
                <span className="visually-hidden">{name} 終了時刻</span>
                <input type="time" step={600} className="input" aria-describedby={`slot-${i}-msg`} {...register(`slots.${i}.end`)} />
              </label>
              <FieldMessages id={`slot-${i}-msg`} messages={messages} />
            </div>
          );
        })}
      </fieldset>

      <fieldset className="group" aria-describedby="visitors-guide">
        <legend>{fieldText.visitors.label}</legend>
        <p id="visitors-guide" className="field-guidance">
          {fieldText.visitors.printedGuidance}
        </p>
        <ol className="visitor-list">
          {visitors.fields.map((f, i) => (
            <li key={f.id} className="visitor">
              <label className="visitor-part">
                <span className="sub-label">{`訪問予定者の氏名（${i + 1}人目）`}</span>
                <input className="input" autoComplete="off" {...register(`visitors.${i}.name`)} />
              </label>
              <label className="visitor-part">
                <span className="sub-label">{`所属・会社名（${i + 1}人目）`}</span>
                <input className="input" autoComplete="off" {...register(`visitors.${i}.affiliation`)} />
              </label>
              <button
                type="button"
                className="btn btn-small"
                onClick={() => {
                  visitors.remove(i);
                  addVisitorRef.current?.focus(); // focus must not fall to <body>
                }}
                aria-label={`${i + 1}人目の訪問予定者を削除`}
              >
                削除
              </button>
            </li>
          ))}
        </ol>
        <FieldMessages id="visitors-msg" messages={checkVisitors(committed.visitors, committed.products)} />
        <button ref={addVisitorRef} type="button" className="btn" disabled={visitors.fields.length >= MAX_VISITORS} onClick={() => visitors.append({ name: '', affiliation: '' })}>
          訪問予定者を追加
        </button>
        {visitors.fields.length >= MAX_VISITORS && <p className="field-help">訪問予定者は{MAX_VISITORS}人まで入力できます。</p>}
      </fieldset>

      <fieldset className="group">
        <legend>{fieldText.assumedCategory.label}</legend>
        <p data-testid="category">
          <strong>先進医療{category}</strong>
        </p>
        <p className="field-source">
          案件の基本情報の区分が印刷されます。<Link href={`/projects/${projectId}`}>案件の基本情報で変える</Link>
        </p>
        <p className="field-help">{CATEGORY_NOTE}</p>
      </fieldset>

      <Field label={fieldText.heldOn.label} help={fieldText.heldOn.help}>
        {({ id, describedBy }) => <DateInput id={id} aria-describedby={describedBy} {...register('heldOn')} />}
      </Field>
      {validity && (
        <p className={validity.expired ? 'validity validity-expired' : 'validity'} data-testid="validity" role="status">
          {validity.upcoming
            ? `実施日が${formatWareki(validity.heldOn)}（今日より後）になっています。相談が済んでから記録すると、その日から6か月の有効期限を表示します。`
            : validity.expired
            ? `有効期限切れ：${formatWareki(validity.expiresOn)}を過ぎています。届出の前に再度、事前相談を申し込んでください（記載要領 第6-2）。`
            : `有効期限：${formatWareki(validity.expiresOn)}まで（あと${validity.daysLeft}日）。これを過ぎると再度の事前相談が必要です。`}
        </p>
      )}
    </>
  );
}
