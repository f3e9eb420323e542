import { useCallback, useState } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { parseResolved, type ResolvedFiling } from '../../../shared/filings/as-filed';
import { toIsoDate, todayIn } from '../../../shared/dates/iso-date';
import type { Filing } from '../../../shared/filings/filing';
import type { FilingDocContent } from '../../../shared/filings/filing-doc';
import type { MasterList } from '../../../shared/forms/field';
import type { Journal } from '../../db/journal';
import type { Repositories } from '../../db/repositories';
import { addQuick } from '../../forms/master-lists';
import { useApp } from '../../app/context';

/**
 * What the two safety screens share (issue 14 item 5): loading a report with the project it prints
 * from, radio groups labelled with the form's wording, and the 職員名簿 growing from the screen.
 */

export interface LoadedSafety<T extends FilingDocContent> {
  readonly filing: Filing;
  readonly doc: T;
  readonly rev: number;
  readonly frozen: boolean;
  readonly working: ResolvedFiling;
}

/** A filed report is only read: nothing is replayed over what was filed. */
export function readOnlyJournal<T>(): Journal<T> {
  return { write: () => undefined, readNewerThan: () => undefined, clear: () => undefined };
}

/**
 * The report `filingId` of project `projectId` and what it prints from: the as-filed copy's data
 * once it was sent, the working project while it is 作成中.
 */
export async function loadSafety<K extends 'serious-adverse-event' | 'health-risk'>(repos: Repositories, projectId: string, filingId: string, kind: K, what: string): Promise<LoadedSafety<Extract<FilingDocContent, { kind: K }>>> {
  const [filing, read, records] = await Promise.all([repos.filings.get(filingId), repos.filings.getDoc(filingId), repos.projectRecords(projectId)]);
  const content = read.content;
  if (filing.projectId !== projectId || filing.kind !== kind || !isKind(content, kind)) throw new Error(`この案件の${what}ではありません。`);
  const filed = read.frozen ? await repos.filings.copy(filingId) : undefined;
  const asFiled = filed ? parseResolved(filed) : undefined;
  const { resolveSafetyFiling } = await import('../../../shared/reports/safety-files');
  const working = asFiled ?? resolveSafetyFiling(records, filing, toIsoDate(todayIn('Asia/Tokyo')));
  const doc = asFiled?.doc && isKind(asFiled.doc, kind) ? asFiled.doc : content;
  return { filing, doc, rev: read.rev, frozen: read.frozen, working };
}

function isKind<K extends FilingDocContent['kind']>(c: FilingDocContent, kind: K): c is Extract<FilingDocContent, { kind: K }> {
  return c.kind === kind;
}

/** The 職員名簿 of the preview, growing when a person is added from the screen (「新しく登録」). */
export function usePeople(working: ResolvedFiling) {
  const { repos } = useApp();
  const [people, setPeople] = useState(working.masters.people);
  const addPerson = useCallback(
    async (list: MasterList, values: Readonly<Record<string, string>>): Promise<string> => {
      const id = crypto.randomUUID();
      const next = addQuick(await repos.getMasters(), list, values, id);
      await repos.saveRoster(next.people);
      setPeople([...next.people]);
      return id;
    },
    [repos],
  );
  return { people, addPerson };
}

/** A radio group: the legend is the form's wording, each choice labelled as printed. */
export function Radios(props: { readonly legend: string; readonly values: readonly string[]; readonly field: UseFormRegisterReturn; readonly labels?: Readonly<Record<string, string>>; readonly column?: boolean; readonly help?: string; readonly dataField?: string }) {
  return (
    <fieldset className="group" data-field={props.dataField ?? props.field.name}>
      <legend>{props.legend}</legend>
      <div className={props.column ? 'radios radios-column' : 'radios'}>
        {props.values.map((v) => (
          <label key={v} className="radio">
            <input type="radio" value={v} {...props.field} /> {props.labels?.[v] ?? v}
          </label>
        ))}
      </div>
      {props.help && <p className="help">{props.help}</p>}
    </fieldset>
  );
}
