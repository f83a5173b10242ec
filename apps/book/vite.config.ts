import { appConfig } from '../../packages/ui/vite';

// The public booking page, served by the hub at /book (and /book/manage for an existing booking).
export default appConfig('/book/');
