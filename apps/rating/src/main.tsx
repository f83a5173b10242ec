import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@luot/ui/base.css';
import './rating.css';
import { RatingApp } from './RatingApp.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RatingApp />
  </StrictMode>,
);
