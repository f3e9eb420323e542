import { useCallback, useId, useLayoutEffect, useRef, useState, type ComponentProps, type Ref } from 'react';
import { parseIsoDate } from '../../shared/dates/iso-date';
import { formatWareki } from '../../shared/dates/wareki';

/** 「令和9年4月5日」 for a stored 「2027-04-05」; '' for anything else. */
export function warekiOf(iso: string): string {
  const ymd = parseIsoDate(iso);
  return ymd ? formatWareki(ymd, { fullWidth: false }) : '';
}

/**
 * A date input with its 和暦 beside it (「令和9年4月5日」): the browser shows the date in the
 * format of the PC's locale, the forms print 和暦. Works controlled (value) and with
 * react-hook-form's register (the value is then read from the element after each change).
 * The 和暦 also describes the input for screen readers.
 */
export function DateInput({ ref, className, onChange, 'aria-describedby': describedBy, ...props }: Omit<ComponentProps<'input'>, 'type'> & { readonly ref?: Ref<HTMLInputElement> }) {
  const own = useRef<HTMLInputElement | null>(null);
  const warekiId = useId();
  const [wareki, setWareki] = useState('');
  const sync = useCallback(() => setWareki(warekiOf(own.current?.value ?? '')), []);
  // After every render: a value set by react-hook-form (reset, defaultValues) fires no event.
  useLayoutEffect(sync);
  const setRef = useCallback(
    (el: HTMLInputElement | null) => {
      own.current = el;
      if (typeof ref === 'function') ref(el);
      else if (ref) ref.current = el;
    },
    [ref],
  );
  return (
    <span className="date-field">
      <input
        {...props}
        ref={setRef}
        type="date"
        className={['input input-date', className].filter(Boolean).join(' ')}
        aria-describedby={[describedBy, warekiId].filter(Boolean).join(' ')}
        onChange={(e) => {
          onChange?.(e);
          sync();
        }}
      />
      <span id={warekiId} className="wareki" data-testid="wareki">
        {wareki}
      </span>
    </span>
  );
}
