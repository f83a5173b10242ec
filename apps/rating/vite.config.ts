import { appConfig } from '../../packages/ui/vite';

// The citizen's rating screen, served by the hub at /rating.
export default appConfig('/rating/');
