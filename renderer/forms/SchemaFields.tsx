import { memo, useId, useMemo, type ReactNode } from 'react';
import { Controller, type Control, type FieldValues, type Path, type UseFormRegister } from 'react-hook-form';
import type { Masters } from '../../shared/model/master';
import { MasterMultiSelect, MasterSelect, type AddMaster } from './MasterPicker';
import { itemsOf } from './master-lists';
import type { z } from 'zod';
import { fieldsOf, isBlank, lengthMessages, maxLengthOf, type Category, type FieldEntry, type TableRowValue } from '../../shared/forms/field';
import { fieldsBySection, sectionHeading, type FormSectionInfo } from '../../shared/forms/sections';
import { parseYen } from '../../shared/money/yen';
import { DateInput } from '../components/DateInput';
import { Field } from '../components/Field';
import { LineText } from '../components/LineText';
import { RowsField } from './RowsField';
import { PhraseButtons, type PhraseTools } from './PhraseButtons';

/** The anchor of a section's heading, for the jump list (`sectionAnchor(prefix, index)`). */
export function sectionAnchor(prefix: string, index: number): string {
  return `${prefix}-sec-${index}`;
}

const squeeze = (s: string): string => s.replace(/[\s　]+/g, '');

/**
 * The editor of a form, generated from its schema: one input per field, labelled with the
 * official wording, with the 記載要領's guidance as help and the A/B requirement shown. With
 * `sections`, the fields are grouped under the form's numbered headings (issue 15); focus entering
 * a section is reported (`onSection`), so the preview can follow.
 */
export function SchemaFields(
  props: SchemaFieldsProps & {
    readonly sections?: readonly FormSectionInfo[];
    readonly anchorPrefix?: string;
    readonly onSection?: (section: FormSectionInfo) => void;
    /** Keys of fields carried from an earlier project and still 要確認 (issue 19). */
    readonly unconfirmed?: ReadonlySet<string>;
  },
) {
  const ownPrefix = useId();
  const prefix = props.anchorPrefix ?? ownPrefix;
  const { schema, register, control, category, masters, onAddMaster, values, onConfirm, phrases } = props;
  // Stable between keystrokes, so that each field renders again only when its own value changes (issue 17).
  const base = useMemo(
    (): FieldBase => ({ schema, register, control, category, masters, onAddMaster, ...(onConfirm ? { onConfirm } : {}), ...(phrases ? { phrases } : {}) }),
    [schema, register, control, category, masters, onAddMaster, onConfirm, phrases],
  );
  const entries = useMemo(() => fieldsOf(schema), [schema]);
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const field = (e: FieldEntry, heading?: Heading): ReactNode => (
    <FieldView key={e.key} base={base} entry={e} flagged={props.unconfirmed?.has(e.key) === true} value={values[e.key]} replaced={e.meta.replacedBy === undefined ? undefined : values[e.meta.replacedBy]} headingId={heading?.id} headingLevel={heading?.level} headingNumber={heading?.number} />
  );
  if (!props.sections || props.sections.length === 0) return <>{entries.map((e) => field(e))}</>;
  return (
    <>
      {fieldsBySection(props.sections, entries.map((e) => e.key)).map(({ section, keys }, i) => {
        const fields = keys.map((k) => byKey.get(k)).filter((e): e is FieldEntry => e !== undefined && e.meta.required[props.category] !== 'n/a');
        if (!section) return <div key={`none-${i}`}>{fields.map((e) => field(e))}</div>;
        const anchor = sectionAnchor(prefix, props.sections?.indexOf(section) ?? i);
        const level = section.sub ? 3 : 2;
        const text = sectionHeading(section);
        // One field whose official label is the heading (「４．予測される安全性情報」) or its title (７－２ ④): shown
        // once, as the heading, with the number the label lacks.
        const label = fields.length === 1 ? squeeze(fields[0]?.meta.label ?? '') : '';
        const merged = label === squeeze(text) ? {} : label === squeeze(section.title) ? { number: section.number } : undefined;
        const H = level === 3 ? 'h3' : 'h2';
        return (
          // Not a labelled region: its heading may be a field's own label (a field is found by its label once).
          <div key={anchor} className={section.sub ? 'form-section form-subsection' : 'form-section'} data-section={anchor} onFocus={() => props.onSection?.(section)}>
            {!merged && (
              <H id={anchor} className="section-heading" tabIndex={-1}>
                {text}
              </H>
            )}
            {fields.map((e) => field(e, merged ? { id: anchor, level, ...merged } : undefined))}
          </div>
        );
      })}
    </>
  );
}

interface SchemaFieldsProps {
  readonly schema: z.ZodObject;
  readonly register: UseFormRegister<FieldValues>;
  readonly control: Control<FieldValues>;
  readonly category: Category;
  readonly values: Readonly<Record<string, unknown>>;
  /** Master data for 'ref' / 'refs' fields, and how to add to it inline. */
  readonly masters: Masters;
  readonly onAddMaster: AddMaster;
  /** 「確認済みにする」 of a field still 要確認 (issue 19). */
  readonly onConfirm?: (key: string) => void;
  /** 定型文 to insert into, and save from, the long-text fields (issue 19). */
  readonly phrases?: PhraseTools;
}

/** What every field of the editor shares (unchanged while typing). */
type FieldBase = Omit<SchemaFieldsProps, 'values'>;

interface Heading {
  readonly id: string;
  readonly level: 2 | 3;
  readonly number?: string;
}

interface FieldViewProps {
  readonly base: FieldBase;
  readonly entry: FieldEntry;
  /** Carried from an earlier project and still 要確認 (issue 19). */
  readonly flagged: boolean;
  /** The field's committed value, and that of the field that replaces it in print (meta.replacedBy). */
  readonly value: unknown;
  readonly replaced: unknown;
  readonly headingId: string | undefined;
  readonly headingLevel: 2 | 3 | undefined;
  readonly headingNumber: string | undefined;
}

/** Same committed value: the same string, or the same rows/choices (a clone after each keystroke). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * One field of the editor, rendered again only when its own value (or what it shares) changes: a
 * keystroke in a 10,000-character 治療計画 does not render the 200 products picked beside it.
 */
const FieldView = memo(
  function FieldView({ base, entry, flagged, value, replaced, headingId, headingLevel, headingNumber }: FieldViewProps) {
    const heading = headingId !== undefined && headingLevel !== undefined ? { id: headingId, level: headingLevel, ...(headingNumber !== undefined ? { number: headingNumber } : {}) } : undefined;
    const confirm = base.onConfirm;
    return renderField(base, entry, value, replaced, heading, flagged && confirm ? { onConfirm: () => confirm(entry.key) } : undefined);
  },
  (a, b) =>
    a.base === b.base &&
    a.entry === b.entry &&
    a.flagged === b.flagged &&
    a.headingId === b.headingId &&
    a.headingLevel === b.headingLevel &&
    a.headingNumber === b.headingNumber &&
    sameValue(a.value, b.value) &&
    sameValue(a.replaced, b.replaced),
);

function renderField(props: FieldBase, { key, meta, schema }: FieldEntry, value: unknown, replaced: unknown, heading?: Heading, unconfirmed?: { readonly onConfirm: () => void }): ReactNode {
  const req = meta.required[props.category];
  if (req === 'n/a') return null;
  const empty = isBlank(value);
  // One mark per field (issue 15): 「必須」 by the label, drawn as still empty until written.
  const mark = req === 'req' ? ('required' as const) : props.category === 'A' && meta.required.B === 'req' ? ('optional-a' as const) : undefined;
  const common = { fieldKey: key, label: meta.label, ...(meta.help ? { help: meta.help } : {}), ...(mark ? { required: { mark, empty } } : {}), ...(heading ? { heading } : {}), ...(unconfirmed ? { unconfirmed } : {}) };
  const messages = [
    ...lengthMessages(value, maxLengthOf(schema)),
    ...yenMessages(meta.kind, value),
    ...(meta.replacedBy && !empty && !isBlank(replaced)
      ? [{ ruleId: 'INPUT-REPLACED', severity: 'warning' as const, message: 'ほかの欄で選んだ内容が印刷されるため、この欄は印刷されません（入力は残っています）。' }]
      : []),
  ];
  const name: Path<FieldValues> = key;
  if (meta.kind === 'requirement') {
    return (
      <Field key={key} {...common} messages={messages} as="div">
        {({ describedBy }) => (
          <div className="requirement" role="group" aria-label={meta.label} aria-describedby={describedBy}>
            <select className="input input-auto" aria-label={`${meta.label}（要・不要）`} {...props.register(`${key}.need`)}>
              <option value="">（選択）</option>
              <option value="要">要</option>
              <option value="不要">不要</option>
            </select>
            <LineText aria-label={`${meta.label}（内容）`} placeholder={meta.requirement?.yes.replace('{v}', '…') ?? ''} {...props.register(`${key}.value`)} />
          </div>
        )}
      </Field>
    );
  }
  if ((meta.kind === 'ref' || meta.kind === 'refs') && meta.master) {
    const master = meta.master;
    const items = itemsOf(props.masters, master.list);
    return (
      <Field key={key} {...common} messages={messages} as={meta.kind === 'refs' ? 'div' : 'label'}>
        {({ id, describedBy }) => (
          <Controller
            name={name}
            control={props.control}
            render={({ field }) => {
              const v: unknown = field.value;
              return meta.kind === 'ref' ? (
                <MasterSelect id={id} label={meta.label} list={master.list} kinds={master.kinds} items={items} onAdd={props.onAddMaster} describedBy={describedBy} value={typeof v === 'string' ? v : ''} onChange={field.onChange} />
              ) : (
                <MasterMultiSelect label={meta.label} list={master.list} kinds={master.kinds} items={items} onAdd={props.onAddMaster} describedBy={describedBy} value={Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []} onChange={field.onChange} />
              );
            }}
          />
        )}
      </Field>
    );
  }
  if (meta.kind === 'check') {
    return (
      <Field key={key} {...common} messages={[]} as="div">
        {({ describedBy }) => (
          <label className="check">
            <input type="checkbox" aria-label={meta.label} aria-describedby={describedBy} {...props.register(name)} /> □にレ（該当する）
          </label>
        )}
      </Field>
    );
  }
  if (meta.kind === 'table') {
    return (
      <Field key={key} {...common} messages={messages} as="div">
        {({ describedBy }) => <RowsField name={key} label={meta.label} columns={meta.columns ?? []} control={props.control} register={props.register} describedBy={describedBy} computed={meta.computedColumns} summary={meta.summary} committedRows={tableRows(value)} />}
      </Field>
    );
  }
  return (
    <Field key={key} {...common} messages={messages} {...(meta.printedGuidance ? { guidance: meta.printedGuidance } : {})}>
      {({ id, describedBy }) => {
        switch (meta.kind) {
          case 'longtext':
            return (
              <>
                <textarea id={id} className="input textarea" rows={6} aria-describedby={describedBy} {...props.register(name)} />
                {props.phrases && <PhraseButtons tools={props.phrases} fieldKey={key} label={meta.label} textareaId={id} />}
              </>
            );
          case 'date':
            return <DateInput id={id} aria-describedby={describedBy} {...props.register(name)} />;
          case 'enum':
          case 'yesno': {
            const options = meta.kind === 'yesno' ? ['有', '無'] : (meta.options ?? []);
            return (
              <select id={id} className="input" aria-describedby={describedBy} {...props.register(name)}>
                <option value="">（選択してください）</option>
                {options.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            );
          }
          case 'yen':
            return <input id={id} className="input input-yen" autoComplete="off" aria-describedby={describedBy} {...props.register(name)} />;
          default:
            return <LineText id={id} aria-describedby={describedBy} {...props.register(name)} />;
        }
      }}
    </Field>
  );
}

/** A 円 field keeps what was typed; if it does not read as an amount, say why beside it. */
function yenMessages(kind: string, value: unknown) {
  if (kind !== 'yen' || typeof value !== 'string' || value.trim() === '') return [];
  const r = parseYen(value);
  return r.ok ? [] : [{ ruleId: 'INPUT-YEN', severity: 'warning' as const, message: r.message }];
}

/** A table field's committed rows, index for index; a row that is not all strings (mid-edit) is undefined. */
function tableRows(value: unknown): Array<Readonly<TableRowValue> | undefined> {
  if (!Array.isArray(value)) return [];
  const rows: readonly unknown[] = value;
  return rows.map((r) => (typeof r === 'object' && r !== null && Object.values(r).every((v) => typeof v === 'string') ? (r as Readonly<TableRowValue>) : undefined));
}
