import type { TicketPrintData } from './types.js';

/** 30/11/2025 08:15 in Hà Nội (UTC+7): fixed, so previews and golden images never change by themselves. */
export const SAMPLE_ISSUED_AT = Date.UTC(2025, 10, 30, 1, 15, 0);

/**
 * A ticket that exercises the layout: long wrapped names, stacked Vietnamese marks (Ố, Ệ, Ầ, Ữ, Đ), a
 * priority mark. Used by the preview script, the benchmark and the golden-image tests.
 */
export function sampleTicket(overrides: Partial<TicketPrintData> = {}): TicketPrintData {
  return {
    officeName: 'Bộ phận Một cửa huyện Quốc Oai',
    serviceName: 'Đất đai – đăng ký, cấp giấy chứng nhận, biến động',
    number: 'A012',
    issuedAt: SAMPLE_ISSUED_AT,
    peopleAhead: 7,
    estimatedWaitMinutes: 25,
    counters: [1, 2, 3],
    priorityLabel: 'Người cao tuổi',
    qrUrl: 'http://hub:8080/t/q7Xz3LmP9aKd2VwR',
    footer: 'Vui lòng GIỮ PHIẾU đến khi được gọi. Cần hỗ trợ, xin mời đến QUẦY 16.',
    ...overrides,
  };
}
