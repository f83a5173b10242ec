import type { RangeBookingCounts, RangeBookingReport } from '@luot/protocol';
import { useSay } from '../text.js';
import { formatCount, formatDay, formatMinutes } from './format.js';

/** The bookings table's figures, in the order of the hub's CSV (`view=bookings`). */
const COUNTS: Array<{ id: keyof RangeBookingCounts & string; vi: string; en: string }> = [
  { id: 'booked', vi: 'Đã đặt', en: 'Booked' },
  { id: 'pending', vi: 'Chưa đến giờ', en: 'To come' },
  { id: 'checkedIn', vi: 'Đã đến nhận số', en: 'Checked in' },
  { id: 'lapsed', vi: 'Đến trễ', en: 'Late (lapsed)' },
  { id: 'noShow', vi: 'Không đến', en: 'No-show' },
  { id: 'cancelled', vi: 'Đã huỷ', en: 'Cancelled' },
];

/**
 * Online numbers per day and service (docs/reports.md, "Bookings"): what became of the bookings,
 * and the mean and median wait of booked citizens (from their slot's start) beside walk-ins' of the
 * same days and services. Shown under the view's table when the range had bookings.
 */
export function BookingsTable({ bookings }: { bookings: RangeBookingReport }) {
  const { say, locale } = useSay();
  const BOOKED = { vi: 'Chờ – đặt lịch (phút)', en: 'Wait – booked (min)' };
  const WALK_IN = { vi: 'Chờ – vãng lai (phút)', en: 'Wait – walk-in (min)' };
  const MEAN = { vi: 'TB', en: 'Mean' };
  const MEDIAN = { vi: 'Trung vị', en: 'Median' };
  const figures = (b: RangeBookingCounts) => [
    ...COUNTS.map((c) => (
      <td key={c.id} className="num" data-col={c.id}>
        {formatCount(b[c.id] as number)}
      </td>
    )),
    <td key="bm" className="num" data-col="bookedWaitMean">
      {formatMinutes(b.bookedWait.mean)}
    </td>,
    <td key="bd" className="num" data-col="bookedWaitMedian">
      {formatMinutes(b.bookedWait.median)}
    </td>,
    <td key="wm" className="num" data-col="walkInWaitMean">
      {formatMinutes(b.walkInWait.mean)}
    </td>,
    <td key="wd" className="num" data-col="walkInWaitMedian">
      {formatMinutes(b.walkInWait.median)}
    </td>,
  ];
  return (
    <section className="bookings-report" aria-labelledby="bookings-report-title">
      <h3 id="bookings-report-title">{say({ vi: 'Đặt lịch trực tuyến', en: 'Online bookings' })}</h3>
      <div className="table-wrap">
        <table className="table report-table" data-testid="bookings-table">
          <thead>
            <tr className="groups">
              <th colSpan={3 + COUNTS.length} scope="colgroup" />
              <th colSpan={2} scope="colgroup">
                {say(BOOKED)}
              </th>
              <th colSpan={2} scope="colgroup">
                {say(WALK_IN)}
              </th>
            </tr>
            <tr>
              <th scope="col">{say({ vi: 'Ngày', en: 'Day' })}</th>
              <th scope="col">{say({ vi: 'Mã', en: 'Code' })}</th>
              <th scope="col">{say({ vi: 'Dịch vụ', en: 'Service' })}</th>
              {COUNTS.map((c) => (
                <th key={c.id} scope="col" className="num">
                  {say(c)}
                </th>
              ))}
              <th scope="col" className="num">
                {say(MEAN)}
              </th>
              <th scope="col" className="num">
                {say(MEDIAN)}
              </th>
              <th scope="col" className="num">
                {say(MEAN)}
              </th>
              <th scope="col" className="num">
                {say(MEDIAN)}
              </th>
            </tr>
          </thead>
          <tbody>
            {bookings.rows.map((r) => (
              <tr key={`${r.day} ${r.service}`} data-key={`${r.day} ${r.service}`}>
                <td className="nowrap">{formatDay(r.day)}</td>
                <td className="nowrap">{r.service}</td>
                <td className="key-name">
                  <span title={r.name?.[locale] ?? ''}>{r.name?.[locale] ?? '—'}</span>
                </td>
                {figures(r)}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-key="total">
              <th scope="row" colSpan={3}>
                {say({ vi: 'Tổng cộng', en: 'Total' })}
              </th>
              {figures(bookings.total)}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
