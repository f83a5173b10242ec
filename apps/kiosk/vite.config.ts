import { appConfig } from '../../packages/ui/vite';

// index.html: the kiosk; ticket.html: a ticket's phone page, served by the hub at /t/<token>.
export default appConfig('/kiosk/', { index: 'index.html', ticket: 'ticket.html' });
