import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { AppContext } from './app/context';
import { openDatabase } from './db/database';
import { Repositories } from './db/repositories';
import { detectPlatform } from './platform/platform';
import './styles.css';

// DATA-02: ask the browser not to evict our data under storage pressure.
void navigator.storage?.persist?.().catch(() => false);

const services = { repos: new Repositories(openDatabase()), platform: detectPlatform() };
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <AppContext.Provider value={services}>
        <App />
      </AppContext.Provider>
    </StrictMode>,
  );
}
