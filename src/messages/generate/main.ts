import * as fs from 'fs';
import { findMesos } from '../../discovery';
import { generate, SCHEMA_FILE, TYPES_FILE, V1_TYPES_FILE, writeGenerated } from './generate';

/**
 * npm run generate:schema [-- <include dir> [version]]: regenerates schema/mesos.json,
 * src/messages/types.generated.ts and src/messages/v1/types.generated.ts from the Mesos discovery finds, or the include dir given.
 * --check: write nothing; exit 1 when the committed files differ from what would be generated.
 */
async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const args = process.argv.slice(2).filter((arg) => arg !== '--check');
  const { install } = findMesos();
  const protoRoot = args[0] ?? install?.protoRoot;
  if (!protoRoot) {
    throw new Error(
      'no Mesos installation found: pass the include directory holding mesos/mesos.proto',
    );
  }
  const version = args[0] ? (args[1] ?? 'unknown') : install!.version;
  const files = await generate(protoRoot, version);
  if (!check) {
    writeGenerated(files);
    console.log(
      `generated ${SCHEMA_FILE}, ${TYPES_FILE} and ${V1_TYPES_FILE} from ${protoRoot} (Mesos ${version})`,
    );
    return;
  }
  const stale = [
    [SCHEMA_FILE, files.schema],
    [TYPES_FILE, files.types],
    [V1_TYPES_FILE, files.v1Types],
  ].filter(([file, text]) => !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text);
  for (const [file] of stale)
    console.error(`${file} differs from Mesos ${version} at ${protoRoot}`);
  if (stale.length > 0) {
    console.error('run `npm run generate:schema` and commit the result');
    process.exitCode = 1;
  } else {
    console.log(`schema and types match Mesos ${version} at ${protoRoot}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
