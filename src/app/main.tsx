import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App.tsx';
import { boot } from './boot.ts';
import { AppContext } from './hooks/context.tsx';
import './styles/theme.css';
import './styles/app.css';

const root = document.getElementById('root');
if (root) {
  const { store, services } = boot();
  createRoot(root).render(
    <StrictMode>
      <AppContext.Provider value={{ store, services }}>
        <App />
      </AppContext.Provider>
    </StrictMode>,
  );
}
