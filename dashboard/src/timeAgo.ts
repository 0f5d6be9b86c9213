/** "updated N s ago" for a moment in the past; `undefined` means never. */
export function formatUpdatedAgo(updatedAt: number | undefined, now: number): string {
  if (updatedAt === undefined) {
    return 'not updated yet';
  }
  // A clock that stepped back must not show "-3 s ago".
  const seconds = Math.max(0, Math.floor((now - updatedAt) / 1000));
  if (seconds < 2) {
    return 'updated just now';
  }
  if (seconds < 60) {
    return `updated ${seconds} s ago`;
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    return `updated ${minutes} min ago`;
  }
  return `updated ${Math.floor(minutes / 60)} h ago`;
}
