import type { ReactNode } from 'react';

/**
 * Line icons drawn for Lượt (24×24, stroke = currentColor). Services name theirs in the office
 * configuration (`icon: 'land'`); an unknown name gets a plain document.
 */
const PATHS: Record<string, ReactNode> = {
  land: (
    <>
      <path d="M3 7l6-3 6 3 6-3v13l-6 3-6-3-6 3z" />
      <path d="M9 4v13M15 7v13" />
    </>
  ),
  leaf: (
    <>
      <path d="M5 20c-1-9 5-15 15-15 0 10-6 15-14 15" />
      <path d="M5 20l9-9" />
    </>
  ),
  family: (
    <>
      <circle cx="8" cy="7" r="3" />
      <circle cx="17" cy="9" r="2.5" />
      <path d="M2.5 20c0-3.5 2.5-6 5.5-6s5.5 2.5 5.5 6" />
      <path d="M14.5 20c0-2.6 1.2-4.5 2.5-4.5s4.5 1.5 4.5 4.5" />
    </>
  ),
  stamp: (
    <>
      <path d="M9.5 3.5h5v4.5l-1 4h5.5v4h-14v-4h5.5l-1-4z" />
      <path d="M5 20.5h14" />
    </>
  ),
  building: (
    <>
      <path d="M4 21V4h10v17M14 9h6v12M2.5 21h19" />
      <path d="M7.5 8h3M7.5 12h3M7.5 16h3M16.5 13h1M16.5 17h1" />
    </>
  ),
  shop: (
    <>
      <path d="M4 10v10h16V10" />
      <path d="M3 10l2-6h14l2 6z" />
      <path d="M10 20v-5h4v5" />
    </>
  ),
  hands: <path d="M12 20s-7.5-4.5-7.5-10.2A4 4 0 0112 7.5a4 4 0 017.5 2.3C19.5 15.5 12 20 12 20z" />,
  factory: (
    <>
      <path d="M3 21V10l6 4v-4l6 4V5h5v16z" />
      <path d="M7 17.5h2M12 17.5h2" />
    </>
  ),
  book: (
    <>
      <path d="M4 5.5A2.5 2.5 0 016.5 3H20v15H6.5A2.5 2.5 0 004 20.5z" />
      <path d="M4 20.5V5.5M6.5 21H20M8.5 7.5h7" />
    </>
  ),
  receipt: (
    <>
      <path d="M6 3h12v18l-3-2-3 2-3-2-3 2z" />
      <path d="M9 8h6M9 12h6M9 16h3" />
    </>
  ),
  shield: (
    <>
      <path d="M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z" />
      <path d="M9 12l2 2 4-4" />
    </>
  ),
  mail: (
    <>
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <path d="M3.5 6.5l8.5 6.5 8.5-6.5" />
    </>
  ),
  inbox: (
    <>
      <path d="M3 13l3-8h12l3 8v6H3z" />
      <path d="M3 13h5l1 3h6l1-3h5" />
    </>
  ),
  help: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M9.5 9.5a2.5 2.5 0 115 0c0 2-2.5 2-2.5 4" />
      <path d="M12 17v.01" />
    </>
  ),
  document: (
    <>
      <path d="M6 3h8l4 4v14H6z" />
      <path d="M14 3v4h4M9 12h6M9 16h6" />
    </>
  ),
  priority: (
    <>
      <circle cx="10" cy="4.5" r="2" />
      <path d="M10 7.5v6.5l3.5 6.5M10 14l-3 6.5M6 11l4-2 4 2" />
      <path d="M17 12v8.5" />
      <path d="M14.5 12h2.5" />
    </>
  ),
  wheelchair: (
    <>
      <circle cx="10" cy="4" r="1.8" />
      <path d="M10 7.5v6h5.5l2.5 5.5h2M10 10.5h5" />
      <path d="M7 11.2a5.5 5.5 0 106.8 6.8" />
    </>
  ),
  pregnant: (
    <>
      <circle cx="10.5" cy="4" r="2" />
      <path d="M9.5 7.5C8 9.5 8 12 9.5 14" />
      <path d="M10.5 7.5c1.2.6 1.7 1.4 1.8 2.2 2.6.4 3.7 2.3 3.2 4.3H9.5" />
      <path d="M10 14l-.5 7M13.5 14l.5 7" />
    </>
  ),
  child: (
    <>
      <circle cx="8" cy="4" r="2" />
      <path d="M8 7v7.5M8 14.5L6 21M8 14.5l2 6.5M8 9.5l4.5 3" />
      <circle cx="16.5" cy="10" r="1.7" />
      <path d="M16.5 12.5V17M16.5 17L15 21M16.5 17l1.5 4M16.5 13.5l-3.5-1" />
    </>
  ),
  medal: (
    <>
      <path d="M8 3l3 6M16 3l-3 6" />
      <circle cx="12" cy="15" r="6" />
      <path d="M12 11.5l1.1 2.2 2.4.3-1.8 1.7.5 2.4L12 17l-2.2 1.1.5-2.4-1.8-1.7 2.4-.3z" />
    </>
  ),
  medical: <path d="M9.5 3.5h5v6h6v5h-6v6h-5v-6h-6v-5h6z" />,
  people: (
    <>
      <circle cx="9" cy="8" r="3.5" />
      <path d="M2.5 20c0-3.8 2.9-6.5 6.5-6.5s6.5 2.7 6.5 6.5" />
      <path d="M16 4.8a3.3 3.3 0 010 6.4M18 13.8c2 .9 3.5 3 3.5 6.2" />
    </>
  ),
  clock: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7v5l3.5 2" />
    </>
  ),
  printer: (
    <>
      <path d="M6 9V3h12v6" />
      <rect x="3" y="9" width="18" height="8" rx="2" />
      <path d="M7 14h10v7H7z" />
    </>
  ),
  alert: (
    <>
      <path d="M12 3.5l9.5 16.5h-19z" />
      <path d="M12 10v4.5M12 17.3v.01" />
    </>
  ),
  offline: (
    <>
      <path d="M2 8.5a15 15 0 0120 0M5.5 12a10 10 0 0113 0M9 15.5a5 5 0 016 0M12 19.5v.01" />
      <path d="M3 3l18 18" />
    </>
  ),
  touch: (
    <>
      <path d="M9 11V5a1.8 1.8 0 013.6 0v5.5" />
      <path d="M12.6 10.5a1.8 1.8 0 013.6 0v1a1.8 1.8 0 013.3 1V16a6 6 0 01-6 6h-1.2a6 6 0 01-5-2.7L4.5 15a1.8 1.8 0 013-2l1.5 1.8" />
    </>
  ),
  check: <path d="M4.5 12.5l5 5L19.5 7" />,
  outside: (
    <>
      <path d="M13 3h7v18h-7" />
      <path d="M3 12h11M10 8l4 4-4 4" />
    </>
  ),
  star: <path d="M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1-4.4-4.3 6.1-.9z" />,
};

/** Icons for the priority categories of the default profile; others get the generic one. */
export const CATEGORY_ICONS: Record<string, string> = {
  elderly: 'priority',
  disabled: 'wheelchair',
  pregnant: 'pregnant',
  child: 'child',
  merit: 'medal',
  sick: 'medical',
};

export function Icon({ name, className }: { name: string; className?: string }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name] ?? PATHS.document}
    </svg>
  );
}
