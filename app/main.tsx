/**
 * main.tsx - mounts the app after putting the URL's view into the store, so the first paint
 * already shows the shared step.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles/theme.css';
import './styles/layout.css';
import './styles/panels.css';
import './styles/graphs.css';
import './styles/timeline.css';
import { applyHash } from './url/applyHash';
import { exposePlaygroundApi } from './testing/exposePlaygroundApi';
import { App } from './App';

applyHash(window.location.hash);
exposePlaygroundApi();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
