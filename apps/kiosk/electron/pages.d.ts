/**
 * The two local pages the shell shows itself: "reconnecting" while the hub cannot be reached, and "out of order"
 * after repeated renderer crashes. Static HTML in a data: URL, bilingual, no script; main does the retrying.
 */
export type LocalPage = 'offline' | 'error';
export declare function localPageHtml(page: LocalPage, locale: 'vi' | 'en', detail?: string): string;
export declare function localPageUrl(page: LocalPage, locale: 'vi' | 'en', detail?: string): string;
