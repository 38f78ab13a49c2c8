import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App.tsx';
import { boot } from './boot.ts';
import { loadLang } from '../i18n/strings.ts';
import { AppContext } from './hooks/context.tsx';
import './styles/theme.css';
import './styles/app.css';

const root = document.getElementById('root');
if (root) {
  const { store, services } = boot();
  // A reader who chose Chinese gets it in the first render (its strings are their own chunk, asked
  // for by boot's preferences); the engine worker is already computing meanwhile.
  await loadLang(store.getState().view.lang).catch(() => {});
  createRoot(root).render(
    <StrictMode>
      <AppContext.Provider value={{ store, services }}>
        <App />
      </AppContext.Provider>
    </StrictMode>,
  );
}
