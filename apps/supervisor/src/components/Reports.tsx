import { useSay } from '../text.js';

/** The reports are being built separately (issue #13, "Reports"); until then this page says so. */
export function ReportsPlaceholder() {
  const { say } = useSay();
  return (
    <section className="card" aria-labelledby="reports-h">
      <h2 id="reports-h">{say({ vi: 'Báo cáo', en: 'Reports' })}</h2>
      <p>
        {say({
          vi: 'Báo cáo theo khoảng thời gian (biểu đồ, xuất Excel) sẽ có trong bản cập nhật tiếp theo.',
          en: 'Reports over any date range (charts, Excel export) come in the next update.',
        })}
      </p>
    </section>
  );
}
