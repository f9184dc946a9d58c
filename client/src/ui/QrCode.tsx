// A QR code drawn as one SVG path (qrcode-generator computes the modules; no HTML injection, prints crisply).
import { useMemo } from 'react';
import qrcode from 'qrcode-generator';

/** Screen pixels per module: under about three, a phone's camera struggles with a dense code. */
const PIXELS_PER_MODULE = 3;

export function QrCode({ value, label, size }: { value: string; label: string; size?: number }) {
  const { path, modules } = useMemo(() => {
    // Type 0: the smallest version that holds the text; level L keeps a long signed link scannable on a phone.
    const qr = qrcode(0, 'L');
    qr.addData(value);
    qr.make();
    const count = qr.getModuleCount();
    let d = '';
    for (let row = 0; row < count; row++)
      for (let col = 0; col < count; col++) if (qr.isDark(row, col)) d += `M${col + 4} ${row + 4}h1v1h-1z`;
    return { path: d, modules: count + 8 };
  }, [value]);
  // A long link (an invitation with its keys) makes a denser code: it is drawn larger, within the screen's width.
  const side = size ?? Math.max(220, modules * PIXELS_PER_MODULE);
  return (
    <svg
      role="img"
      aria-label={label}
      width={side}
      height={side}
      viewBox={`0 0 ${modules} ${modules}`}
      shapeRendering="crispEdges"
      className="qr"
    >
      <rect width={modules} height={modules} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
