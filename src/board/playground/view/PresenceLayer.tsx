import type { Box } from './camera';

export interface PresenceSelection {
  userId: string;
  name: string;
  color: string;
  rects: readonly Box[];
}

export interface PresenceLayerProps {
  selections: readonly PresenceSelection[];
  zoom: number;
}

/**
 * What the other simulated participants have selected: a dashed outline in their colour with
 * their name, as Miro shows collaborators' selections. Drawn at a constant screen size.
 */
export function PresenceLayer({ selections, zoom }: PresenceLayerProps) {
  const font = 11 / zoom;
  return (
    <g class="bv-presence" data-testid="presence">
      {selections.map((s) =>
        s.rects.map((r, i) => (
          <g key={`${s.userId}:${i}`} data-testid="presence-outline" data-user-id={s.userId}>
            <rect
              class="bv-presence-outline"
              x={r.x - 3 / zoom}
              y={r.y - 3 / zoom}
              width={r.width + 6 / zoom}
              height={r.height + 6 / zoom}
              stroke={s.color}
            />
            {i === 0 && (
              <>
                <rect
                  x={r.x - 3 / zoom}
                  y={r.y - 3 / zoom - font * 1.6}
                  width={(s.name.length * 0.6 + 1) * font}
                  height={font * 1.6}
                  rx={font * 0.3}
                  fill={s.color}
                />
                <text
                  class="bv-presence-name"
                  x={r.x - 3 / zoom + font * 0.5}
                  y={r.y - 3 / zoom - font * 0.45}
                  font-size={font}
                >
                  {s.name}
                </text>
              </>
            )}
          </g>
        )),
      )}
    </g>
  );
}
