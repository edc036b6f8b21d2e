// Fills that tell series apart without colour: each has its own texture (solid, stripes,
// dots, hatching …) as well as an Okabe–Ito colour, and every bar also carries a text label.
// The <defs> go inside each chart's SVG, so a downloaded SVG or PNG keeps them.

const textures = [
  { name: "solid", color: "#0072B2" },
  { name: "diagonal stripes", color: "#E69F00" },
  { name: "dots", color: "#009E73" },
  { name: "cross-hatching", color: "#D55E00" },
  { name: "horizontal lines", color: "#CC79A7" },
  { name: "vertical lines", color: "#56B4E9" },
  { name: "reverse stripes", color: "#4D4D4D" },
  { name: "checks", color: "#0072B2" },
] as const;

export const patternCount = textures.length;

export function getPatternName(index: number): string {
  return textures[index % patternCount]!.name;
}

export function getPatternFill(prefix: string, index: number): string {
  return `url(#${prefix}-${index % patternCount})`;
}

export function getPatternStroke(index: number): string {
  return textures[index % patternCount]!.color;
}

export function ChartPatterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      {textures.map((texture, index) => {
        const id = `${prefix}-${index}`;
        const { color } = texture;
        return (
          <pattern key={id} id={id} width="8" height="8" patternUnits="userSpaceOnUse">
            <rect width="8" height="8" fill={index === 0 ? color : "#ffffff"} />
            {index === 1 ? (
              <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke={color} strokeWidth="2.5" />
            ) : null}
            {index === 2 ? <circle cx="4" cy="4" r="2.2" fill={color} /> : null}
            {index === 3 ? (
              <path d="M0,0 l8,8 M8,0 l-8,8" stroke={color} strokeWidth="1.8" />
            ) : null}
            {index === 4 ? <path d="M0,2 h8 M0,6 h8" stroke={color} strokeWidth="2" /> : null}
            {index === 5 ? <path d="M2,0 v8 M6,0 v8" stroke={color} strokeWidth="2" /> : null}
            {index === 6 ? (
              <path d="M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4" stroke={color} strokeWidth="2.5" />
            ) : null}
            {index === 7 ? (
              <>
                <rect width="4" height="4" fill={color} />
                <rect x="4" y="4" width="4" height="4" fill={color} />
              </>
            ) : null}
          </pattern>
        );
      })}
    </defs>
  );
}
