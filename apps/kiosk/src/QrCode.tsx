import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/** A QR code of `url`, drawn as SVG (sharp at any size). Nothing is shown until it is ready. */
export function QrCode({ url, label, className }: { url: string; label: string; className?: string }) {
  const [svg, setSvg] = useState<{ url: string; src: string } | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(url, {
      type: 'svg',
      margin: 1,
      errorCorrectionLevel: 'M',
      color: { dark: '#14213d', light: '#ffffff' },
    })
      .then((text) => {
        if (live) setSvg({ url, src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}` });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [url]);
  if (svg?.url !== url) return <div className={className} aria-busy="true" />;
  return <img className={className} src={svg.src} alt={label} data-qr-url={url} />;
}
