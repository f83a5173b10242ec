import './book.css';
import { createRoot } from 'react-dom/client';
import { BookApp } from './BookApp';

/**
 * The public booking page. `/book` books; `/book/manage?code=…` finds a booking to see or cancel
 * (the link on the confirmation and in the text message).
 */
const manage = /^\/book\/manage\/?$/.test(location.pathname)
  ? { code: new URLSearchParams(location.search).get('code') ?? '' }
  : null;
createRoot(document.getElementById('root')!).render(<BookApp manage={manage} />);
