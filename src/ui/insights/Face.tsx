/**
 * A face for a point of the emotion scale (−2 … +2), drawn in SVG so it looks the same on every
 * system (emoji fonts differ, and some lack the slight faces). The mouth bends with the value.
 */
export function Face({ value, size = 20 }: { value: number; size?: number }) {
  const v = Math.max(-2, Math.min(2, value));
  // Mouth: from (7,14) to (13,14), control point lower for positive values.
  const bend = 14 + v * 1.6;
  const fill =
    v <= -1.5
      ? '#f8c9c9'
      : v < -0.5
        ? '#fde0c5'
        : v <= 0.5
          ? '#f3f1c4'
          : v < 1.5
            ? '#d9f2c9'
            : '#bfeacb';
  return (
    <svg class="tp-face__svg" width={size} height={size} viewBox="0 0 20 20" aria-hidden="true">
      <circle cx="10" cy="10" r="9" fill={fill} stroke="#5b6272" stroke-width="1.2" />
      <circle cx="7" cy="8" r="1.2" fill="#3b4252" />
      <circle cx="13" cy="8" r="1.2" fill="#3b4252" />
      <path
        d={`M6.5 ${13.6 - v * 0.3} Q10 ${bend} 13.5 ${13.6 - v * 0.3}`}
        fill="none"
        stroke="#3b4252"
        stroke-width="1.4"
        stroke-linecap="round"
      />
    </svg>
  );
}
