import fs from 'fs';
import path from 'path';

export const root = path.join(__dirname, '..', '..');

/**
 * The project's published markdown: README.md, CONTRIBUTING.md, CHANGELOG.md and docs/
 * (docs/pending/ holds drafts not yet placed, and is left out).
 */
export function markdownFiles(): string[] {
  const docs = fs
    .readdirSync(path.join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join('docs', name));
  return ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', ...docs].filter((file) =>
    fs.existsSync(path.join(root, file)),
  );
}

export function readMarkdown(file: string): string {
  return fs.readFileSync(path.join(root, file), 'utf8');
}
