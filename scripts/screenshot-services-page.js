#!/usr/bin/env node
// Takes docs/services-page.png: the worked services example (examples/web-service) on the
// simulator, its page in Debian's headless Chromium during `update v2`.
//
//   npm run build:examples && node scripts/screenshot-services-page.js [OUT.png]
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const root = path.join(__dirname, '..');
const out = path.resolve(process.argv[2] ?? path.join(root, 'docs', 'services-page.png'));

/** Resolves with the first match of `pattern` in the example's output. */
function waitForOutput(child, pattern) {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk) => {
      text += chunk;
      const match = pattern.exec(text);
      if (match) {
        child.stdout.off('data', onData);
        resolve(match);
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the example exited (${code}):\n${text}`)));
  });
}

async function main() {
  const example = spawn(
    process.execPath,
    [path.join(root, 'build/examples/web-service/main.js'), '--simulate', '--http', '0'],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  example.stdout.setEncoding('utf8');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'mesos-napi-chromium-'));
  let context;
  try {
    const [, url] = await waitForOutput(example, /the page: (http:\/\/\S+)/);
    await waitForOutput(example, /web-2 is healthy/);
    context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1280, height: 760 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('#instances tr[data-instance="web-2"]');
    // An update in progress: one instance replaced, the next one starting.
    example.stdin.write('update v2\n');
    await waitForOutput(example, /web-3 is healthy/);
    await page.waitForSelector('#deployment:has-text("1 of 3 updated")');
    await page.screenshot({ path: out });
    console.log(`wrote ${path.relative(process.cwd(), out)}`);
  } finally {
    await context?.close();
    fs.rmSync(profile, { recursive: true, force: true });
    example.stdin.end('quit\n');
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
