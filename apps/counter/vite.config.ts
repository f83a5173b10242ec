import { appConfig } from '../../packages/ui/vite';

// index.html: the officer's terminal (/counter); rating.html: the citizen's rating screen (/rating).
export default appConfig('/counter/', { index: 'index.html', rating: 'rating.html' });
