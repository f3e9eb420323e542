/**
 * The platform adapter: the same UI runs inside Electron (window.api, shared/ipc/contract.ts) and
 * in a plain browser (download + window.print), which is how Playwright drives it.
 */
import type { Api, FileKind } from '../../shared/ipc/contract';

export type SaveResult =
  | { readonly status: 'saved'; readonly fileName: string }
  | { readonly status: 'cancelled' }
  | { readonly status: 'failed'; readonly message: string };

export interface Platform {
  readonly kind: 'electron' | 'browser';
  saveFile(suggestedName: string, kind: FileKind, data: Uint8Array): Promise<SaveResult>;
  /** Resolves with a Japanese message when printing failed (undefined when printed or cancelled). */
  print(): Promise<string | undefined>;
}

const MIME: Record<FileKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  zip: 'application/zip',
};

declare global {
  interface Window {
    readonly api?: Api;
  }
}

export function browserPlatform(): Platform {
  return {
    kind: 'browser',
    saveFile(suggestedName, kind, data) {
      const blob = new Blob([data.slice().buffer], { type: MIME[kind] });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = suggestedName;
      a.rel = 'noopener';
      document.body.append(a);
      a.click();
      a.remove();
      // Let the download start before the URL is released.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return Promise.resolve({ status: 'saved', fileName: suggestedName });
    },
    print() {
      window.print();
      return Promise.resolve(undefined);
    },
  };
}

export function electronPlatform(api: Api): Platform {
  return {
    kind: 'electron',
    async saveFile(suggestedName, kind, data) {
      return api.fileSave({ suggestedName, kind, data: new Uint8Array(data) });
    },
    async print() {
      const r = await api.pagePrint({});
      return r.status === 'failed' ? r.message : undefined;
    },
  };
}

export function detectPlatform(): Platform {
  return window.api ? electronPlatform(window.api) : browserPlatform();
}

/** A file name safe on Windows, macOS and Linux: forbidden characters become 「_」. */
export function safeFileName(base: string, ext: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const cleaned = base.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/\s+/g, ' ').trim().slice(0, 120);
  return `${cleaned === '' ? '無題' : cleaned}.${ext}`;
}
