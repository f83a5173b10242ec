import { appConfig } from '../../packages/ui/vite';

export default appConfig('/supervisor/');
