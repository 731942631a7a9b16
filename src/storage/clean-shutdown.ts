import fs from 'node:fs';

/**
 * The clean-shutdown marker: a file beside the database, written after the bot closed the database
 * cleanly and removed when it opens it again. Present at start: the last run ended cleanly (no crash,
 * no power cut, no kill mid-write), so the integrity check can wait until the bot takes messages.
 * Absent: the check runs before the bot takes any message.
 */
export function cleanMarkerFile(databaseFile: string): string {
  return `${databaseFile}-clean`;
}

/** Whether the last run closed the database cleanly; removes the marker (this run now has it open). */
export function takeCleanMarker(databaseFile: string): boolean {
  const marker = cleanMarkerFile(databaseFile);
  try {
    fs.rmSync(marker);
    return true;
  } catch {
    return false;
  }
}

/** Records that this run closed the database cleanly (after the close succeeded). */
export function writeCleanMarker(databaseFile: string, at = Date.now()): void {
  fs.writeFileSync(cleanMarkerFile(databaseFile), `${JSON.stringify({ closedAt: new Date(at).toISOString() })}\n`, { mode: 0o600 });
}
