/** The office's notice, scrolling along the bottom of the screen. */
export function NoticeTicker({ text }: { text: string }) {
  if (!text) return null;
  // About 9 characters a second, slow enough to read from the back of the hall.
  const seconds = Math.max(20, Math.round(text.length / 9));
  return (
    <footer className="ticker" aria-label={text}>
      {/* Started part-way through, so the notice is on screen from the first second. */}
      <span
        className="ticker-text"
        style={{ animationDuration: `${seconds}s`, animationDelay: `${-0.4 * seconds}s` }}
        aria-hidden="true"
      >
        {text}
      </span>
    </footer>
  );
}
