import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@luot/ui/base.css';
import './counter.css';
import { CounterApp } from './App.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CounterApp />
  </StrictMode>,
);
