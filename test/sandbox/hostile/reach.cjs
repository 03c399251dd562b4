// A hostile build/test/install script: tries to reach what the platform holds and prints one
// JSON line per attempt, `got` true when it succeeded. Targets come from argv/the file beside it.
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const targets = JSON.parse(fs.readFileSync(path.join(__dirname, 'targets.json'), 'utf8'));
const results = [];
const attempt = (name, fn) => {
  try {
    const detail = fn();
    results.push({ name, got: true, detail: String(detail).slice(0, 80) });
  } catch (error) {
    results.push({ name, got: false, detail: error.code || error.message });
  }
};
attempt('read-database-file', () => fs.readFileSync(targets.databaseFile, 'utf8'));
attempt('read-home-secret', () => fs.readFileSync(targets.homeSecret, 'utf8'));
attempt('read-env-secret', () => {
  const own = process.env[targets.envName];
  if (own) return own;
  if (process.env[targets.serverEnvName]) return `${targets.serverEnvName} passed on`;
  const environ = fs.readFileSync(`/proc/${targets.serverPid}/environ`, 'utf8');
  if (!environ.includes(`${targets.serverEnvName}=`)) throw new Error('not in the server environment');
  return `${targets.serverEnvName} read from /proc/<server>/environ`;
});
attempt('read-platform-source', () => fs.readFileSync(targets.sourceFile, 'utf8').length);
attempt('write-outside', () => {
  fs.writeFileSync(path.join(targets.outsideDir, 'pwned'), 'pwned');
  return 'written';
});
const connectTo = (name, port) =>
  new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setTimeout(3000);
    socket.once('connect', () => { results.push({ name, got: true, detail: 'connected' }); socket.destroy(); resolve(); });
    socket.once('error', (e) => { results.push({ name, got: false, detail: e.code }); resolve(); });
    socket.once('timeout', () => { results.push({ name, got: false, detail: 'timeout' }); socket.destroy(); resolve(); });
  });
Promise.all([connectTo('connect-postgres', 5432), connectTo('connect-api', targets.apiPort)]).then(() => {
  fs.writeFileSync(path.join(__dirname, `reach-${process.env.npm_lifecycle_event || 'direct'}.json`), JSON.stringify(results));
  for (const r of results) console.log('ATTEMPT ' + JSON.stringify(r));
});
