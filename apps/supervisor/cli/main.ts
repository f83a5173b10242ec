/**
 * The supervisor's command line (the web console, when it exists, will live beside it in apps/supervisor):
 *   npm run supervisor -- level 3                  set the distancing level (1–4)
 *   npm run supervisor -- close-counter 7 "lý do"  close a counter for the day (a reason is required)
 *   npm run supervisor -- open-counter 7
 *   npm run supervisor -- sign-out 7               sign out whoever is at counter 7
 *   npm run supervisor -- pause 7 "lý do"          pause a counter whose officer stepped away
 *   npm run supervisor -- cancel 20261130-A012 "lý do"
 *   npm run supervisor -- reactivate 20261130-A012 "lý do"   put a no-show ticket back into its line
 *   npm run supervisor -- services 7 C,E            what counter 7 serves today (`services 7 reset`: as configured)
 *   npm run supervisor -- move 20261130-A012 C     move a waiting citizen to another service's line
 *   npm run supervisor -- notice "nội dung" [60]   a notice on the wall displays (for 60 minutes; `notice clear`)
 *   npm run supervisor -- close-day "lý do"
 *   npm run supervisor -- status                   who is where, hall occupancy, printers
 *   npm run supervisor -- report [YYYY-MM-DD]      the day's figures (JSON)
 *   npm run supervisor -- hash-pin                 a PIN hash for the hub configuration (PIN on stdin)
 *   npm run supervisor -- new-token                a device token and the SHA-256 to put in the configuration
 * The hub and token come from --hub / --token or LUOT_HUB / LUOT_SUPERVISOR_TOKEN (default: the demo).
 * Every command but the last two signs a supervisor in first, as the console does: the officer code
 * from --officer or LUOT_OFFICER, the PIN from LUOT_PIN or standard input (the demo: ld01, 1234).
 * Give the command line its own supervisor device: a sign-in replaces the one on the same device.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { LuotClient, LuotError } from '@luot/client';
import { capacity, closedAtLevel, occupancy, outsideCount, type CounterStatus, type Level } from '@luot/core';
import { hashPin } from '@luot/hub/auth';
import { FAULT_MESSAGES } from '@luot/printer/faults';
import { createHash } from 'node:crypto';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { hub: { type: 'string' }, token: { type: 'string' }, officer: { type: 'string' } },
});
const hub = values.hub ?? process.env.LUOT_HUB ?? 'http://127.0.0.1:8080';
// The demo's command-line device, not the console's: a sign-in replaces the one on the same device.
const token = values.token ?? process.env.LUOT_SUPERVISOR_TOKEN ?? 'demo-supervisor-cli-token';
const [command, ...args] = positionals;
const demo = !values.token && !process.env.LUOT_SUPERVISOR_TOKEN;
if (demo && !['hash-pin', 'new-token'].includes(command ?? '')) {
  console.error('(using the demo supervisor token; set LUOT_SUPERVISOR_TOKEN or --token for a real office)');
}
const officer = values.officer ?? process.env.LUOT_OFFICER ?? (demo ? 'ld01' : undefined);

const COUNTER_STATUS: Record<CounterStatus, string> = {
  offline: 'chưa mở',
  open: 'đang làm việc',
  paused: 'tạm nghỉ',
  closed: 'đã đóng',
};

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('PIN: ');
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
}

function usage(): never {
  console.error(
    'usage: npm run supervisor -- [--officer CODE] <level N|close-counter N REASON|open-counter N|sign-out N|pause N REASON|cancel ID REASON|reactivate ID REASON|services N A,B|reset|move ID SERVICE|notice TEXT [MINUTES]|clear|close-day REASON|status|report [DATE]|hash-pin PIN|new-token>',
  );
  process.exit(2);
}

function int(v: string | undefined): number {
  const n = Number(v);
  if (!Number.isInteger(n)) usage();
  return n;
}

async function main(): Promise<void> {
  if (command === 'hash-pin') {
    // Read from standard input when not given, so the PIN stays out of shell history and `ps`.
    const pin = args[0] ?? (await readStdin()).trim();
    if (!/^\d{4,8}$/.test(pin)) usage();
    console.log(hashPin(pin));
    return;
  }
  if (command === 'new-token') {
    const t = randomBytes(24).toString('base64url');
    console.log(
      JSON.stringify({ token: t, tokenSha256: createHash('sha256').update(t).digest('hex') }, null, 2),
    );
    return;
  }
  if (!officer) {
    console.error(
      'a supervisor signs in first: give --officer or LUOT_OFFICER (and LUOT_PIN, or the PIN on stdin)',
    );
    process.exit(2);
  }
  const pin = process.env.LUOT_PIN ?? (demo ? '1234' : (await readStdin()).trim());
  const client = new LuotClient({ url: hub, token }).connect();
  try {
    const snap = await client.ready(5000).catch(() => {
      throw new Error(`cannot reach the hub at ${hub} (status: ${client.status})`);
    });
    const { result: signedIn } = await client.signInSupervisor(officer, pin);
    if (command === 'report') {
      const q = args[0] ? `?date=${args[0]}` : '';
      const res = await fetch(`${hub}/api/reports/day${q}`, {
        headers: { authorization: `Bearer ${token}`, 'x-luot-session': signedIn.session },
      });
      const body: unknown = await res.json();
      if (!res.ok) throw new Error(`the hub answered ${res.status}: ${JSON.stringify(body)}`);
      console.log(JSON.stringify(body, null, 2));
      return;
    }
    switch (command) {
      case 'level':
        await client.setLevel(int(args[0]) as Level);
        break;
      case 'close-counter':
      case 'open-counter':
        if (command === 'close-counter' && !args[1]) usage();
        await client.setCounterClosed(int(args[0]), command === 'close-counter', args[1]);
        break;
      case 'sign-out':
        await client.send('supervisor.signOutCounter', { counter: int(args[0]) });
        break;
      case 'pause':
        if (!args[1]) usage();
        await client.send('supervisor.pauseCounter', { counter: int(args[0]), reason: args[1] });
        break;
      case 'cancel':
        if (!args[0] || !args[1]) usage();
        await client.cancelTicket(args[0], args[1]);
        break;
      case 'reactivate': {
        if (!args[0] || !args[1]) usage();
        const { result } = await client.reactivate(args[0], args[1]);
        console.log(`${result.ticket.number}: đang chờ lại`);
        break;
      }
      case 'services': {
        if (!args[1]) usage();
        const services = args[1] === 'reset' ? null : args[1].split(',').map((s) => s.trim().toUpperCase());
        await client.send('supervisor.setCounterServices', { counter: int(args[0]), services });
        break;
      }
      case 'move': {
        if (!args[0] || !args[1]) usage();
        const { result } = await client.send('supervisor.moveTicket', {
          ticketId: args[0],
          toService: args[1].toUpperCase(),
        });
        console.log(`${result.ticket.number}: chuyển sang lĩnh vực ${result.ticket.service}`);
        break;
      }
      case 'notice':
        if (!args[0]) usage();
        await client.send(
          'supervisor.setNotice',
          args[0] === 'clear'
            ? { text: null }
            : { text: args[0], until: args[1] ? client.now() + int(args[1]) * 60_000 : null },
        );
        break;
      case 'close-day':
        if (!args[0]) usage();
        await client.closeDay(args[0]);
        break;
      case 'status': {
        const { config, state, printers } = snap;
        console.log(`Ngày ${state.day} · cấp độ ${state.level}${state.closed ? ' · đã kết thúc' : ''}`);
        for (const z of config.zones) {
          console.log(
            `${z.name.vi}: ${occupancy(state, z.id)}/${capacity(config, state, z.id)} trong sảnh, ${outsideCount(state, z.id)} chờ bên ngoài`,
          );
        }
        for (const c of Object.values(state.counters)) {
          const t = c.current ? state.tickets[c.current]?.number : '';
          console.log(
            `Quầy ${String(c.number).padStart(2)}: ${COUNTER_STATUS[c.status].padEnd(12)} ${c.officer?.name ?? ''} ${t ?? ''}${c.closedBySupervisor ? ' (giám sát đóng)' : ''}${closedAtLevel(config, state, c.number) ? ` (đóng theo cấp độ ${state.level})` : ''}`,
          );
        }
        for (const p of Object.values(printers))
          console.log(
            `Máy in ${p.device}: ${p.ok || !p.fault ? 'tốt' : FAULT_MESSAGES[p.fault].vi}${p.paperNearEnd ? ' (sắp hết giấy)' : ''}`,
          );
        return;
      }
      default:
        usage();
    }
    console.log('Đã thực hiện. / Done.');
  } finally {
    // No session is left open on the device once the command is done.
    if (client.status === 'online') await client.signOutSupervisor().catch(() => undefined);
    client.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof LuotError ? `${e.messages.vi} / ${e.messages.en}` : (e as Error).message);
  process.exit(1);
});
