/** What 「推定様式」 means, said where the badge is shown (issue 15). */
export const ESTIMATED_LAYOUT_TEXT = '推定様式：公式の様式を確認できていないため、記載要領の項目から構成した様式です。提出前に厚生労働省の様式と照合してください。';

/** The badge's explanation under a form's heading. */
export function EstimatedLayoutNote() {
  return (
    <p className="estimated-note" data-testid="estimated-note">
      {ESTIMATED_LAYOUT_TEXT}
    </p>
  );
}
