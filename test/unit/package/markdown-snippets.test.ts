import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

import { markdownFiles, readMarkdown, root } from '../../support/markdown-files';

const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');

// Every TypeScript block of the README and the guides compiles as a user would paste it:
// into a CommonJS project and into an ESM one with verbatimModuleSyntax, strict, against the
// compiled declarations (lib/, built by npm test before jest).
const blocks = markdownFiles().flatMap((file) =>
  [...readMarkdown(file).matchAll(/```ts\n([\s\S]*?)```/g)].map(
    (match, i) => [`${file} #${i}`, match[1]] as const,
  ),
);

describe('TypeScript blocks of the README and docs/', () => {
  test('there are TypeScript blocks to check', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  test.each(blocks)(
    '%s compiles in CommonJS and ESM',
    (i, block) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesos-napi-readme-'));
      // The packages a guide shows mesos-napi with (pino, prom-client), as installed here.
      const modules = path.join(dir, 'node_modules');
      fs.symlinkSync(path.join(root, 'node_modules'), modules);
      try {
        fs.writeFileSync(path.join(dir, `block.ts`), block);
        fs.writeFileSync(path.join(dir, `block.mts`), block);
        const strict = {
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: ['node'],
          typeRoots: [path.join(root, 'node_modules', '@types')],
          baseUrl: dir,
          paths: {
            'mesos-napi': [path.join(root, 'lib', 'index.d.ts')],
            'mesos-napi/testing': [path.join(root, 'lib', 'testing', 'index.d.ts')],
            'mesos-napi/services': [path.join(root, 'lib', 'services', 'index.d.ts')],
          },
        };
        const configs = {
          'tsconfig.cjs.json': {
            ...strict,
            module: 'commonjs',
            moduleResolution: 'node10',
            esModuleInterop: true,
          },
          'tsconfig.esm.json': { ...strict, module: 'nodenext', verbatimModuleSyntax: true },
        };
        for (const [name, compilerOptions] of Object.entries(configs)) {
          const files = [name.includes('esm') ? 'block.mts' : 'block.ts'];
          fs.writeFileSync(path.join(dir, name), JSON.stringify({ compilerOptions, files }));
          let output = '';
          try {
            execFileSync(process.execPath, [tsc, '-p', name], { cwd: dir, encoding: 'utf8' });
          } catch (error) {
            output = String((error as { stdout?: string }).stdout);
          }
          expect(`${name} (block ${i}): ${output}`).toBe(`${name} (block ${i}): `);
        }
      } finally {
        fs.unlinkSync(modules);
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
