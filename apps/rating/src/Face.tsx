import type { Tone } from './flow.js';

const MOUTH: Record<Tone, string> = {
  best: 'M30 60 Q50 82 70 60',
  good: 'M32 62 Q50 74 68 62',
  neutral: 'M34 66 L66 66',
  poor: 'M34 70 Q50 62 66 70',
  worst: 'M32 74 Q50 56 68 74',
};

/** A plain drawn face for each level: no emoji font needed on the tablet. */
export function Face({ tone }: { tone: Tone }) {
  return (
    <svg viewBox="0 0 100 100" className={`face face-${tone}`} aria-hidden="true">
      <circle cx="50" cy="50" r="46" className="face-disc" />
      <circle cx="35" cy="40" r="6" className="face-eye" />
      <circle cx="65" cy="40" r="6" className="face-eye" />
      <path d={MOUTH[tone]} className="face-mouth" />
    </svg>
  );
}

/** Stand-in for the officer's photo until photos are configured. */
export function Avatar() {
  return (
    <div className="avatar" aria-hidden="true">
      <svg viewBox="0 0 100 100">
        <circle cx="50" cy="38" r="19" />
        <path d="M14 96 Q16 62 50 62 Q84 62 86 96 Z" />
      </svg>
    </div>
  );
}
