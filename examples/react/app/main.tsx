import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { configure } from '@kith/client';
// Each define registers one element (the class exports alone have no side effect).
import '@kith/survey/define';
import '@kith/feedback/define';
import '@kith/hot-topics/define';
import '@kith/badge-wall/define';
import { App } from './App.tsx';
import './app.css';

// Page-wide defaults for every Kith element; an element's own attribute or property wins.
configure({ endpoint: 'http://localhost:8787', site: 'demo' });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
