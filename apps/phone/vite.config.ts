import { appConfig } from '../../packages/ui/vite';

// A ticket's phone page. The hub serves its HTML at /t/<token> (the URL in the ticket's QR code) and
// its assets under /phone/, the base they are built for: /t/… is all page, never a file.
export default appConfig('/phone/');
