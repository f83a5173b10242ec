import '@luot/ui/base.css';
import './phone.css';
import { createRoot } from 'react-dom/client';
import { TicketPage } from './TicketPage';
import { tokenFromPath } from './phone-view';

/** The ticket's phone page, served by the hub at /t/<token> (the URL in the ticket's QR code). */
const token = tokenFromPath(location.pathname);
// A malformed address gets the hub's "not found" like any unknown token.
createRoot(document.getElementById('root')!).render(<TicketPage token={token ?? 'not-a-ticket'} />);
