import { Controller, type Control, type FieldValues, type Path, type UseFormRegister } from 'react-hook-form';
import type { Masters } from '../../shared/model/master';
import { MasterMultiSelect, MasterSelect, type AddMaster } from './MasterPicker';
import { itemsOf } from './master-lists';
import type { z } from 'zod';
import { fieldsOf, isBlank, lengthMessages, maxLengthOf, type Category } from '../../shared/forms/field';
import { parseYen } from '../../shared/money/yen';
import { DateInput } from '../components/DateInput';
import { Field } from '../components/Field';
import { LineText } from '../components/LineText';
import { RowsField } from './RowsField';

const REQUIRED_TEXT = { req: '必須', opt: '先進医療Aは省略可', 'n/a': '' } as const;

/**
 * The editor of a form, generated from its schema: one input per field, labelled with the
 * official wording, with the 記載要領's guidance as help and the A/B requirement shown.
 */
export function SchemaFields(props: {
  readonly schema: z.ZodObject;
  readonly register: UseFormRegister<FieldValues>;
  readonly control: Control<FieldValues>;
  readonly category: Category;
  readonly values: Readonly<Record<string, unknown>>;
  /** Master data for 'ref' / 'refs' fields, and how to add to it inline. */
  readonly masters: Masters;
  readonly onAddMaster: AddMaster;
}) {
  return (
    <>
      {fieldsOf(props.schema).map(({ key, meta, schema }) => {
        const req = meta.required[props.category];
        if (req === 'n/a') return null;
        const empty = isBlank(props.values[key]);
        const messages = [
          ...(req === 'req' && empty ? [{ ruleId: 'REQUIRED', severity: 'info' as const, message: `先進医療${props.category}では記載が必要です。` }] : []),
          ...lengthMessages(props.values[key], maxLengthOf(schema)),
          ...yenMessages(meta.kind, props.values[key]),
          ...(meta.replacedBy && !empty && !isBlank(props.values[meta.replacedBy])
            ? [{ ruleId: 'INPUT-REPLACED', severity: 'warning' as const, message: 'ほかの欄で選んだ内容が印刷されるため、この欄は印刷されません（入力は残っています）。' }]
            : []),
        ];
        const name: Path<FieldValues> = key;
        if (meta.kind === 'requirement') {
          return (
            <Field key={key} fieldKey={key} label={meta.label} help={[meta.help, REQUIRED_TEXT[req]].filter(Boolean).join('　')} messages={messages} as="div">
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
            <Field key={key} fieldKey={key} label={meta.label} help={[meta.help, REQUIRED_TEXT[req]].filter(Boolean).join('　')} messages={messages} as={meta.kind === 'refs' ? 'div' : 'label'}>
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
            <Field key={key} fieldKey={key} label={meta.label} help={[meta.help, REQUIRED_TEXT[req]].filter(Boolean).join('　')} messages={[]} as="div">
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
            <Field key={key} fieldKey={key} label={meta.label} help={[meta.help, REQUIRED_TEXT[req]].filter(Boolean).join('　')} messages={messages} as="div">
              {({ describedBy }) => <RowsField name={key} label={meta.label} columns={meta.columns ?? []} control={props.control} register={props.register} describedBy={describedBy} />}
            </Field>
          );
        }
        return (
          <Field key={key} fieldKey={key} label={meta.label} help={[meta.help, REQUIRED_TEXT[req]].filter(Boolean).join('　')} messages={messages} {...(meta.printedGuidance ? { guidance: meta.printedGuidance } : {})}>
            {({ id, describedBy }) => {
              switch (meta.kind) {
                case 'longtext':
                  return <textarea id={id} className="input textarea" rows={6} aria-describedby={describedBy} {...props.register(name)} />;
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
      })}
    </>
  );
}

/** A 円 field keeps what was typed; if it does not read as an amount, say why beside it. */
function yenMessages(kind: string, value: unknown) {
  if (kind !== 'yen' || typeof value !== 'string' || value.trim() === '') return [];
  const r = parseYen(value);
  return r.ok ? [] : [{ ruleId: 'INPUT-YEN', severity: 'warning' as const, message: r.message }];
}
