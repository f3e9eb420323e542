import type { ComponentProps } from 'react';

/**
 * One line of text (a name, a table cell, an 所属・職名) that shows all of what was typed: it wraps
 * and grows in height instead of hiding the end of a long entry behind the edge of the box, as a
 * single-line <input> does. Enter does not start a new line (outside an IME composition, where it
 * confirms the conversion and is left alone), so it reads as one line like the field it replaces.
 */
export function LineText({ className, onKeyDown, ...props }: ComponentProps<'textarea'>) {
  return (
    <textarea
      rows={1}
      autoComplete="off"
      {...props}
      className={['input input-line', className].filter(Boolean).join(' ')}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.nativeEvent.isComposing) e.preventDefault();
        onKeyDown?.(e);
      }}
    />
  );
}
