import type { Box } from './camera';

const polygon = (points: [number, number][], box: Box): string =>
  points
    .map(([px, py]) => `${round(box.x + px * box.width)},${round(box.y + py * box.height)}`)
    .join(' ');

const round = (n: number): number => Math.round(n * 100) / 100;

function regular(sides: number, rotation: number): [number, number][] {
  const pts: [number, number][] = [];
  for (let i = 0; i < sides; i++) {
    const a = rotation + (i * 2 * Math.PI) / sides;
    pts.push([0.5 + 0.5 * Math.cos(a), 0.5 + 0.5 * Math.sin(a)]);
  }
  return pts;
}

function star(points: number, inner: number): [number, number][] {
  const pts: [number, number][] = [];
  for (let i = 0; i < points * 2; i++) {
    const r = i % 2 === 0 ? 0.5 : 0.5 * inner;
    const a = -Math.PI / 2 + (i * Math.PI) / points;
    pts.push([0.5 + r * Math.cos(a), 0.5 + r * Math.sin(a)]);
  }
  return pts;
}

const UNIT_POLYGONS: Record<string, [number, number][]> = {
  triangle: [
    [0.5, 0],
    [1, 1],
    [0, 1],
  ],
  rhombus: [
    [0.5, 0],
    [1, 0.5],
    [0.5, 1],
    [0, 0.5],
  ],
  parallelogram: [
    [0.25, 0],
    [1, 0],
    [0.75, 1],
    [0, 1],
  ],
  trapezoid: [
    [0.2, 0],
    [0.8, 0],
    [1, 1],
    [0, 1],
  ],
  pentagon: regular(5, -Math.PI / 2),
  hexagon: regular(6, 0),
  octagon: regular(8, Math.PI / 8),
  star: star(5, 0.45),
};

/**
 * The SVG `points` of a polygonal Miro shape in `box`, or null for shapes drawn as a rectangle or
 * an ellipse (and for shape names the view does not know, which it draws as rectangles).
 */
export function shapePolygon(shape: string, box: Box): string | null {
  const unit = UNIT_POLYGONS[shape];
  return unit ? polygon(unit, box) : null;
}
