/** A simple red disc with a gold star: the portal's mark (deliberately not the national emblem, whose use is regulated). */
export function ProvinceMark({ size = 40 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false" className="province-mark">
      <circle cx="16" cy="16" r="15" fill="#c8102e" />
      <circle cx="16" cy="16" r="13.2" fill="none" stroke="#ffd200" strokeWidth="0.8" />
      <path fill="#ffd200" d="M16 6l2.9 6.9 7.1.6-5.4 4.7 1.7 7.3L16 21.6l-6.3 3.9 1.7-7.3L6 13.5l7.1-.6z" />
    </svg>
  );
}
