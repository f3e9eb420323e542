import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Boot } from './app/Boot';
import { guardSelectionChange } from './app/selection-guard';
import { compressionStreamDeflate, installPdfDeflate } from '../shared/render/pdf/deflate';
import { detectPlatform } from './platform/platform';
import './styles.css';

// DATA-02: ask the browser not to evict our data under storage pressure.
void navigator.storage?.persist?.().catch(() => false);

// Issue 17: PDFs written here compress their pages with the browser's native zlib.
installPdfDeflate(compressionStreamDeflate());

// Issue 17: React's onSelect (unused) would measure the caret in long text on every keystroke.
guardSelectionChange(window);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Boot platform={detectPlatform()} />
    </StrictMode>,
  );
}
