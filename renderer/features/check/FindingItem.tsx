import { useCallback } from 'react';
import { useLocation } from 'wouter';
import { SEVERITY_LABEL } from '../../../shared/rules/types';
import type { AgreementPlace, FieldLocation, Finding } from '../../../shared/rules';
import { AckControls } from './AckControls';
import { AgreementTable } from './AgreementTable';
import type { Acknowledgement } from './check-data';
import { currentPath, focusFieldWhenShown, pathOf } from './go-to-field';
import type { CheckSession } from './use-check';

/** Opens the page of a location and leads to its field (focused and outlined). */
export function useGoTo(projectId: string): (loc: FieldLocation) => void {
  const [, navigate] = useLocation();
  return useCallback(
    (loc: FieldLocation) => {
      const path = pathOf(projectId, loc);
      if (currentPath() !== path) navigate(path);
      focusFieldWhenShown(path, loc.field, loc.doc);
    },
    [projectId, navigate],
  );
}

/**
 * One finding: what is wrong (a button that leads to the field), the rule id and the 記載要領 item
 * it rests on, the side-by-side values when places must agree, and 確認済み for warnings.
 */
export function FindingItem(props: { readonly finding: Finding; readonly ack: Acknowledgement | undefined; readonly session: CheckSession }) {
  const { finding, ack, session } = props;
  const goTo = useGoTo(session.projectId);
  const [first, ...more] = finding.locations;
  const severity = SEVERITY_LABEL[finding.severity];
  const onUnify = useCallback(
    (place: AgreementPlace) => {
      if (finding.agreement) void session.unify(finding.agreement, place);
    },
    [finding.agreement, session],
  );
  return (
    <li className={`finding finding-${finding.severity}${ack ? ' finding-acknowledged' : ''}`} data-rule={finding.ruleId}>
      <p className="finding-message">
        <span className={`finding-severity severity-${finding.severity}`}>{severity}</span>
        {first ? (
          <button type="button" className="finding-go" onClick={() => goTo(first)}>
            {finding.message}
            <span className="finding-where">（{first.label}へ移動）</span>
          </button>
        ) : (
          <span>{finding.message}</span>
        )}
      </p>
      {more.length > 0 && (
        <p className="finding-more">
          ほかの箇所：
          {more.map((loc, i) => (
            <button key={i} type="button" className="btn-link" onClick={() => goTo(loc)}>
              {loc.label}へ移動
            </button>
          ))}
        </p>
      )}
      <p className="finding-basis">
        <span className="finding-rule">{finding.ruleId}</span>　根拠：{finding.basis}
      </p>
      {finding.agreement && !ack && <AgreementTable projectId={session.projectId} agreement={finding.agreement} busy={session.busy} onUnify={onUnify} />}
      <AckControls finding={finding} ack={ack} onAcknowledge={session.acknowledge} onWithdraw={session.withdraw} />
    </li>
  );
}
