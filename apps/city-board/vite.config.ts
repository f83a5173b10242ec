import { appConfig } from '../../packages/ui/vite';

// Served by the city (apps/city/src/board/routes.ts) at /city; its socket is /city/socket.io.
export default appConfig('/city/');
