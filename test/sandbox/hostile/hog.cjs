// A hostile build script that exhausts one resource: `node hog.cjs <what> <amount>`.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const [what, amountText] = process.argv.slice(2);
const amount = Number(amountText);
if (what === 'memory') {
  const held = [];
  for (let mib = 0; mib < amount; mib += 64) {
    held.push(Buffer.alloc(64 * 1024 * 1024, 1));
  }
  console.log(`allocated ${amount} MiB`);
} else if (what === 'processes') {
  const children = [];
  for (let i = 0; i < amount; i++) {
    const child = spawn('sleep', ['30']);
    child.on('error', (e) => { console.error(`spawn ${i} failed: ${e.code}`); process.exit(1); });
    children.push(child);
  }
  setTimeout(() => { console.log(`started ${amount} processes`); for (const c of children) c.kill(); }, 1500);
} else if (what === 'cpu') {
  const end = Date.now() + amount * 1000;
  while (Date.now() < end) {}
  console.log(`spun ${amount} s`);
} else if (what === 'forever') {
  for (;;) {}
} else if (what === 'print') {
  const line = 'x'.repeat(1023) + '\n';
  const write = () => { while (process.stdout.write(line)) {} process.stdout.once('drain', write); };
  write();
} else if (what === 'disk') {
  const chunk = Buffer.alloc(1024 * 1024, 1);
  const fd = fs.openSync('filler.bin', 'w');
  for (let i = 0; i < amount; i++) fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  console.log(`wrote ${amount} MiB`);
}
