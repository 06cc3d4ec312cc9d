import fs from 'fs';
import path from 'path';

import { markdownFiles, readMarkdown, root } from '../../support/markdown-files';

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-');
}

function anchorsIn(markdown: string): Set<string> {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '');
  return new Set([...withoutCode.matchAll(/^#{1,6} (.+)$/gm)].map((match) => anchorOf(match[1])));
}

function linksIn(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...withoutCode.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]);
}

const relativeLinks = markdownFiles().flatMap((file) =>
  linksIn(readMarkdown(file))
    .filter((link) => !/^[a-z]+:/.test(link))
    .map((link) => [file, link] as const),
);

describe('links of the README and docs/', () => {
  test('there are links to check', () => {
    expect(relativeLinks.length).toBeGreaterThan(10);
  });

  test.each(relativeLinks)('%s: %s resolves', (file, link) => {
    const [target, anchor] = link.split('#');
    const targetFile = target ? path.join(path.dirname(file), target) : file;
    expect(fs.existsSync(path.join(root, targetFile))).toBe(true);
    if (anchor !== undefined) {
      expect(targetFile.endsWith('.md')).toBe(true);
      expect([...anchorsIn(readMarkdown(targetFile))]).toContain(anchor);
    }
  });

  test('every guide in docs/ is linked from the README and from docs/README.md', () => {
    const guides = markdownFiles().filter(
      (file) => file.startsWith('docs/') && file !== 'docs/README.md',
    );
    const fromReadme = new Set(linksIn(readMarkdown('README.md')));
    const fromIndex = new Set(linksIn(readMarkdown('docs/README.md')));
    for (const guide of guides) {
      expect([guide, fromReadme.has(guide)]).toEqual([guide, true]);
      expect([guide, fromIndex.has(path.basename(guide))]).toEqual([guide, true]);
    }
  });

  test('every error code of src/errors.ts is in docs/errors.md', () => {
    const codes = [
      ...fs
        .readFileSync(path.join(root, 'src', 'errors.ts'), 'utf8')
        .matchAll(/'(MESOS_NAPI_\w+)'/g),
    ].map((match) => match[1]);
    const errorsGuide = readMarkdown('docs/errors.md');
    expect(codes.length).toBeGreaterThan(5);
    expect(codes.filter((code) => !errorsGuide.includes(`\`${code}\``))).toEqual([]);
  });
});
