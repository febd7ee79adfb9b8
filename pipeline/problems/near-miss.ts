// "Did you mean": the known word nearest to a mistyped one.
/** "did you mean" for a near miss (two edits at most), else the list to choose from. */
export function suggest(word: string, known: ReadonlySet<string>): string {
  return nearMiss(word, known) || `: use ${[...known].join(', ')}`;
}

export function nearMiss(word: string, known: ReadonlySet<string>): string {
  const [best] = [...known]
    .map((candidate) => ({ candidate, distance: editDistance(word.toLowerCase(), candidate.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance);
  return best && best.distance <= 2 ? `: did you mean "${best.candidate}"?` : '';
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
