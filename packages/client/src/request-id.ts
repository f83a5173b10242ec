/**
 * A fresh request id. crypto.getRandomValues works in every browser, also on plain http:// LAN
 * addresses where crypto.randomUUID is missing (it needs a secure context).
 */
export function newRequestId(prefix = 'r'): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return `${prefix}-${Date.now().toString(36)}-${hex}`;
}
