// Plane geometry on latitude/longitude for the county's own points (no map tiles, no
// projection library): distances between check-ins and their recipient, and outlines of
// townships drawn around their villages' points.

/** Great-circle distance in metres. */
export function metres(lat1, lon1, lat2, lon2) {
  const r = (d) => (d * Math.PI) / 180
  const a = Math.sin(r(lat2 - lat1) / 2) ** 2 + Math.cos(r(lat1)) * Math.cos(r(lat2)) * Math.sin(r(lon2 - lon1) / 2) ** 2
  return 2 * 6371000 * Math.asin(Math.sqrt(a))
}

/** The convex hull of [lng, lat] points, counter-clockwise (monotone chain). */
export function convexHull(points) {
  const p = [...new Map(points.map((q) => [`${q[0]},${q[1]}`, q])).values()].sort((a, b) => a[0] - b[0] || a[1] - b[1])
  if (p.length < 3) return p
  const cross = (o, a, b) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])
  const lower = []
  for (const q of p) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], q) <= 0) lower.pop()
    lower.push(q)
  }
  const upper = []
  for (const q of [...p].reverse()) {
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], q) <= 0) upper.pop()
    upper.push(q)
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)]
}

/**
 * An outline around points: their hull pushed out by `pad` degrees (≈ 0.01° ≈ 1 km) so
 * the outermost villages sit inside it; a box for one or two points (or points in a line).
 */
export function outline(points, pad = 0.01) {
  const hull = convexHull(points)
  if (hull.length < 3) {
    const xs = points.map((q) => q[0])
    const ys = points.map((q) => q[1])
    const [x0, x1, y0, y1] = [Math.min(...xs) - pad, Math.max(...xs) + pad, Math.min(...ys) - pad, Math.max(...ys) + pad]
    return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]
  }
  const cx = hull.reduce((a, q) => a + q[0], 0) / hull.length
  const cy = hull.reduce((a, q) => a + q[1], 0) / hull.length
  const out = hull.map(([x, y]) => {
    const d = Math.hypot(x - cx, y - cy) || 1
    return [x + ((x - cx) / d) * pad, y + ((y - cy) / d) * pad]
  })
  return [...out, out[0]]
}

/**
 * A GeoJSON FeatureCollection of township outlines from villages' points:
 * groups = [{ name, points: [[lng, lat], …] }] → one Polygon feature per group with points.
 */
export function outlinesGeoJSON(groups) {
  return {
    type: 'FeatureCollection',
    features: groups
      .filter((g) => g.points.length)
      .map((g) => ({ type: 'Feature', properties: { name: g.name }, geometry: { type: 'Polygon', coordinates: [outline(g.points)] } })),
  }
}
