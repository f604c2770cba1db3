/**
 * main.tsx - mounts the app after putting the URL's view into the store, so the first paint
 * already shows the shared step.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles/theme.css';
import './styles/base.css';
import './styles/header.css';
import './styles/banner.css';
import './styles/interleavings.css';
import './styles/panels.css';
import './styles/unsafe.css';
import './styles/compare.css';
import './styles/gallery.css';
import './styles/flow.css';
import './styles/dep-edges.css';
import './styles/wait-graph.css';
import './styles/statechart.css';
import './styles/export.css';
import './styles/tour.css';
import './styles/kernel-graph.css';
import './styles/timeline.css';
import './styles/builder.css';
import './styles/errors.css';
// Last: its media queries rearrange everything above for narrow screens.
import './styles/layout.css';
import { applyHash } from './url/applyHash';
import { exposePlaygroundApi } from './testing/exposePlaygroundApi';
import { installAutosave } from './views/builder/installAutosave';
import { installViewStep } from './store/viewStep';
import { App } from './App';

installViewStep();
applyHash(window.location.hash);
exposePlaygroundApi();
installAutosave();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
