import { useId } from 'react';
import { Link } from 'wouter';
import type { Agreement, AgreementPlace } from '../../../shared/rules';

export const COMPUTED_MESSAGE = '費用の積算で計算される額です。費用の積算を変更してください';

/** A value computed by the model (no span) that the chosen value would contradict: only the model can change it. */
export function blockedBy(agreement: Agreement, chosen: AgreementPlace): AgreementPlace | undefined {
  return agreement.places.find((p) => !p.span && p.value !== chosen.value);
}

/**
 * Side by side (issue 5): every place that states the fact, with its value, and 「この値に統一」 to
 * write the chosen value into every typed place. A value the 積算 computes cannot be overwritten
 * from here: choosing another value is refused with a way to the 費用の積算.
 */
export function AgreementTable(props: {
  readonly projectId: string;
  readonly agreement: Agreement;
  readonly busy: boolean;
  readonly onUnify: (place: AgreementPlace) => void;
}) {
  const { agreement } = props;
  const id = useId();
  return (
    <table className="agreement-table">
      <caption>「{agreement.fact}」の記載箇所</caption>
      <thead>
        <tr>
          <th scope="col">記載箇所</th>
          <th scope="col">記載されている値</th>
          <th scope="col">操作</th>
        </tr>
      </thead>
      <tbody>
        {agreement.places.map((place, i) => {
          const blocked = blockedBy(agreement, place);
          const rowId = `${id}-${i}`;
          const distinct = agreement.places.some((p) => p.value !== place.value);
          // A place left blank is copied into, never copied from.
          const blank = place.value.trim() === '';
          return (
            <tr key={i}>
              <th scope="row" id={`${rowId}-label`}>
                {place.location.label}
                {!place.span && <span className="agreement-computed">（計算値）</span>}
              </th>
              <td id={`${rowId}-value`} className="agreement-value">
                {blank ? '（未記入）' : place.display}
                {place.context !== undefined && !blank && <span className="agreement-context">「{place.context}」</span>}
              </td>
              <td>
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={props.busy || blocked !== undefined || !distinct || blank}
                  aria-describedby={`${rowId}-label ${rowId}-value${blocked ? ` ${rowId}-why` : ''}`}
                  onClick={() => props.onUnify(place)}
                >
                  この値に統一
                </button>
                {blocked && (
                  <p id={`${rowId}-why`} className="agreement-why">
                    {COMPUTED_MESSAGE}。<Link href={`/projects/${props.projectId}/cost`}>費用の積算を開く</Link>
                  </p>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
