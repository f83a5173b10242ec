import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@luot/ui/base.css';
import './board.css';
import { App } from './App.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
