// Event type -> short label and colour class, shared by the map and the feed.
const TYPES = [
  ['Battles', 'B', 'type-battles'],
  ['Explosions/Remote violence', 'E', 'type-explosions'],
  ['Violence against civilians', 'V', 'type-violence'],
  ['Protests', 'P', 'type-protests'],
  ['Riots', 'R', 'type-riots'],
  ['Strategic developments', 'S', 'type-strategic'],
];

export function typeStyle(type) {
  const t = TYPES.find(([name]) => name === type);
  return t ? { letter: t[1], css: t[2] } : { letter: '•', css: 'type-other' };
}

export function relativeTime(iso, now = Date.now()) {
  const s = Math.round((now - Date.parse(iso)) / 1000);
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86400)} d ago`;
}
