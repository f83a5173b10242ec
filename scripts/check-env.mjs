// Run before the tests: the browser tests drive Debian's Chromium. On a fresh Debian machine where we
// are root, install it (the only system package the tests need); otherwise say exactly what to run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  const root = process.getuid?.() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    console.log('Chromium is missing: installing Debian’s chromium for the browser tests …');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  } else {
    console.error(
      `Chromium not found at ${chromium}. Install it (Debian: sudo apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
    process.exit(1);
  }
}

// The city's tests run a private PostgreSQL cluster from Debian's binaries (packages/pgcluster).
const pgBins = [17, 16, 15].map((v) => `/usr/lib/postgresql/${v}/bin/initdb`);
if (!process.env.PG_BIN && !pgBins.some((f) => existsSync(f))) {
  const root = process.getuid?.() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    console.log('PostgreSQL is missing: installing Debian’s postgresql for the city tests …');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'postgresql'], { stdio: 'inherit', env });
  } else {
    console.error(
      'PostgreSQL binaries not found. Install them (Debian: sudo apt-get install -y postgresql) or set PG_BIN to the directory holding initdb and pg_ctl.',
    );
    process.exit(1);
  }
}
