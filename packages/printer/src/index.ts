export type {
  PaperWidth,
  TicketLocale,
  TicketPrintData,
  PrinterFault,
  PrinterStatus,
  PrintResult,
  TicketPrinter,
  PrinterConfig,
  EncodeOptions,
} from './types.js';
export { PAPER_DOTS } from './types.js';
export { renderTicket, renderTicketBitmaps, type RenderedTicket } from './render.js';
export { encodeTicket, encodeTicketSync, rasterCommands, type EncodeTicketOptions } from './encode.js';
export {
  decodeEscPos,
  parseEscPos,
  type DecodedEscPos,
  type DecodedImage,
  type EscPosCommand,
} from './decode.js';
export {
  createPrinter,
  createPrinterOnTransport,
  DEFAULT_TIMEOUT_MS,
  type PrinterDeps,
  type PrinterOptions,
} from './printer.js';
export { PrinterError, type Connection, type Transport } from './transport.js';
export { createTcpTransport, DEFAULT_TCP_PORT } from './transports/tcp.js';
export { createUsbTransport, openDeviceFile, type DeviceHandle, type OpenDevice } from './transports/usb.js';
export { createFileTransport } from './transports/file.js';
export { interpretStatus, queryStatus, statusQuery, type RawStatus } from './status.js';
export { formatIssuedAt, TICKET_TEXTS } from './i18n.js';
export { FAULT_MESSAGES, PRINTER_FAULTS, faultMessage } from './faults.js';
export { PrinterConfigSchema } from './config.js';
export { printableTicket, type IssuedTicket } from './printable.js';
export {
  startFakePrinter,
  PrinterEmulator,
  fakeStatusByte,
  type FakePrinter,
  type FakePrinterMode,
  type FakePrinterOptions,
  type FakeJob,
} from './fake-printer.js';
export { bitmapToPng, pngToBitmap, bitmapToRgba, countDifferentDots, type Bitmap } from './bitmap.js';
export { sampleTicket, SAMPLE_ISSUED_AT } from './sample.js';
export { benchPrinter } from './bench.js';
