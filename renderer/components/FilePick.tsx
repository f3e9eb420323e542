/**
 * A button that opens the file chooser: a <label> around a visually hidden file input, so the
 * label is the input's accessible name and Tab/Enter/Space work. Backup and project files unless `accept` says otherwise.
 */
export function FilePick({ label, disabled, onFile, accept = '.zip,.json,application/zip,application/json' }: { readonly label: string; readonly disabled: boolean; readonly onFile: (f: File) => void; readonly accept?: string }) {
  return (
    <label className={`btn file-pick${disabled ? ' is-disabled' : ''}`}>
      {label}
      <input
        type="file"
        accept={accept}
        className="visually-hidden"
        disabled={disabled}
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (f) onFile(f);
        }}
      />
    </label>
  );
}
