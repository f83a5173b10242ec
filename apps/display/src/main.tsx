import { createRoot } from 'react-dom/client';
import '@luot/ui/base.css';
import './display.css';
import { App } from './App.js';

createRoot(document.getElementById('root')!).render(<App />);
