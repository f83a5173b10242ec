import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@luot/ui/base.css';
import './console.css';
import { ConsoleApp } from './App.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConsoleApp />
  </StrictMode>,
);
