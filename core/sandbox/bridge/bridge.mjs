// Runs inside the sandbox, in front of a previewed app's server: the app listens on a TCP port of
// a network namespace that has only loopback, and this bridge makes it reachable through a Unix
// socket in the sandbox's directory, the one way in. Nothing here can open a connection out.
// Usage: node bridge.mjs <socket path> <port> -- <command> [args...]
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';

const [socketPath, portText, separator, command, ...args] = process.argv.slice(2);
const port = Number(portText);
if (!socketPath || !Number.isInteger(port) || separator !== '--' || !command) {
  process.stderr.write('usage: bridge.mjs <socket> <port> -- <command> [args...]\n');
  process.exit(2);
}

rmSync(socketPath, { force: true });
const server = createServer((client) => {
  const app = connect(port, '127.0.0.1');
  client.pipe(app).pipe(client);
  const close = () => {
    client.destroy();
    app.destroy();
  };
  client.on('error', close);
  app.on('error', close);
});
server.listen(socketPath);

const child = spawn(command, args, { stdio: 'inherit' });
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('error', (error) => {
  process.stderr.write(`could not start ${command}: ${error.message}\n`);
  process.exit(127);
});
child.on('exit', (code, signal) => {
  server.close();
  rmSync(socketPath, { force: true });
  if (signal) process.kill(process.pid, signal);
  process.exit(code ?? 1);
});
