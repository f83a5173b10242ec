import { useEffect, useState } from 'react';

/**
 * A QR code of `text`, drawn as SVG. The `qrcode` library is loaded only here, on the confirmation,
 * so it does not weigh on the page's first load; the box keeps its size while it loads (no layout
 * shift).
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const [svg, setSvg] = useState<{ text: string; src: string } | null>(null);
  useEffect(() => {
    let live = true;
    import('qrcode')
      .then((QR) =>
        QR.toString(text, {
          type: 'svg',
          margin: 2,
          errorCorrectionLevel: 'M',
          color: { dark: '#14213d', light: '#ffffff' },
        }),
      )
      .then((markup) => {
        if (live) setSvg({ text, src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}` });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [text]);
  return (
    <div className="b-qr" role="img" aria-label={label} data-qr-text={svg?.text === text ? text : undefined}>
      {svg?.text === text && <img src={svg.src} alt="" width="200" height="200" />}
    </div>
  );
}
