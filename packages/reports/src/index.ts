/**
 * The figures of the reports, defined once for the hub (SQLite) and the city (PostgreSQL): what one
 * ticket counts for (facts.ts), how a group adds up (tally.ts, stats.ts), one office's report over a
 * range (range-report.ts, charts.ts), its tables (tables.ts). The XLSX writer is `@luot/reports/xlsx`,
 * loaded only when a workbook is asked for (exceljs is megabytes).
 */
export * from './bookings.js';
export * from './calendar.js';
export * from './charts.js';
export * from './facts.js';
export * from './range-report.js';
export * from './stats.js';
export * from './tables.js';
export * from './tally.js';
export * from './csv.js';
