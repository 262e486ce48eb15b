// Run by the Maven build (exec-maven-plugin) with the machine's Node; never downloads Node.
//   node scripts/maven-build.mjs install   npm ci, when package-lock.json changed since the last one
//   node scripts/maven-build.mjs build     typecheck and vite build, when an input changed
//   node scripts/maven-build.mjs test      vitest, when an input changed since the last passing run
// Each step remembers a hash of its inputs, so a reactor build that changed nothing here
// costs a second, not a minute: the module is rebuilt by everyone who builds catalog-service.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const OUT = 'target/classes/META-INF/zhongtai-web';
const INPUTS = ['package.json', 'package-lock.json', 'index.html', 'vite.config.ts', 'tsconfig.json', 'src', 'public', 'scripts'];

function files(path) {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

function hashOf(paths) {
  const hash = createHash('sha256');
  for (const file of paths.flatMap(files)) {
    hash.update(file);
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

function unchanged(stamp, hash) {
  return existsSync(stamp) && readFileSync(stamp, 'utf8') === hash;
}

function remember(stamp, hash) {
  mkdirSync(join(stamp, '..'), { recursive: true });
  writeFileSync(stamp, hash);
}

function run(command, args) {
  console.log(`[web] ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, CI: 'true' } });
  if (result.error) {
    console.error(`[web] cannot run ${command}: ${result.error.message} (Node 20.19+ and npm must be installed)`);
    process.exit(1);
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const step = process.argv[2];
if (step === 'install') {
  const hash = hashOf(['package-lock.json']);
  const stamp = 'node_modules/.zhongtai-lock-hash';
  if (unchanged(stamp, hash)) {
    console.log('[web] node_modules matches package-lock.json');
  } else {
    run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline']);
    remember(stamp, hash);
  }
} else if (step === 'build') {
  const hash = hashOf(INPUTS);
  const stamp = 'target/web-build.hash';
  if (unchanged(stamp, hash) && existsSync(join(OUT, 'index.html'))) {
    console.log('[web] portal build is up to date');
  } else {
    run('npm', ['run', 'build']);
    run('node', ['scripts/bundle-size.mjs', OUT]);
    remember(stamp, hash);
  }
} else if (step === 'test') {
  const hash = hashOf(INPUTS);
  const stamp = 'target/web-test.hash';
  if (unchanged(stamp, hash)) {
    console.log('[web] unit tests passed on these sources already');
  } else {
    run('npx', ['vitest', 'run']);
    remember(stamp, hash);
  }
} else {
  console.error('usage: node scripts/maven-build.mjs install|build|test');
  process.exit(2);
}
