import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { boot } from './app/boot.ts';
import { AppContext } from './app/context.tsx';
import 'katex/dist/katex.min.css';
import './theme.css';
import './app/app.css';

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
