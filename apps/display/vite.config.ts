import { fileURLToPath } from 'node:url';
import { appConfig } from '../../packages/ui/vite';

// The announcement clips belong to @luot/announcer; the display ships them at /display/voice/vi/.
const voice = fileURLToPath(new URL('../../packages/announcer/voice/vi', import.meta.url));

export default appConfig('/display/', { folders: { 'voice/vi': voice } });
