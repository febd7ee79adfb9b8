// Watching the content and the templates for changes, a burst of events at a time.
import { type FSWatcher, watch } from 'node:fs';

/** Editors' temporary and backup files, which a save writes beside the real one. */
const EDITOR_FILES = /(^|[/\\])(\.|~)|~$|\.swp$/;

/**
 * Watches `folders` (recursively) and calls `onChange` once per burst of events: an
 * editor's save is several. Returns the function that stops watching.
 */
export function watchChanges(folders: readonly string[], onChange: () => void): () => void {
  let pending: NodeJS.Timeout | undefined;
  const changed = (_event: string, file: string | Buffer | null) => {
    if (file && EDITOR_FILES.test(String(file))) return;
    clearTimeout(pending);
    pending = setTimeout(onChange, 15);
  };
  const watchers: FSWatcher[] = folders.map((folder) => watch(folder, { recursive: true }, changed));
  return () => {
    clearTimeout(pending);
    for (const watcher of watchers) watcher.close();
  };
}
