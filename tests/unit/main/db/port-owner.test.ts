/** Reading the operating system's socket tables, and the server log fallback. */
import { describe, expect, it } from 'vitest';
import { loggedBolt } from '../../../../src/main/db/managed/identity';
import { listeningInodes, netstatListeners } from '../../../../src/main/db/managed/port-owner';

const HEADER =
  '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode';

describe('listeningInodes', () => {
  it('finds listening sockets on the port in tcp and tcp6, and nothing else', () => {
    const tcp = [
      HEADER,
      // 127.0.0.1:17687 listening
      '   0: 0100007F:4517 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 4242 1 0000000000000000 100 0 0 10 0',
      // a connection to 17687 (established, not listening)
      '   1: 0100007F:D431 0100007F:4517 01 00000000:00000000 00:00000000 00000000  1000        0 4343 1 0000000000000000 20 4 30 10 -1',
      // another port listening
      '   2: 0100007F:1F40 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 4444 1 0000000000000000 100 0 0 10 0',
    ].join('\n');
    const tcp6 = [
      HEADER,
      // ::ffff:127.0.0.1:17687 listening (an IPv6 socket bound to an IPv4 address)
      '   0: 0000000000000000FFFF00000100007F:4517 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 5151 1 0000000000000000 100 0 0 10 0',
    ].join('\n');
    expect([...listeningInodes([tcp, tcp6], 17687)].sort()).toEqual(['4242', '5151']);
    expect([...listeningInodes([tcp], 8000)]).toEqual(['4444']);
    expect(listeningInodes([tcp], 7687).size).toBe(0);
  });
});

describe('netstatListeners', () => {
  it('reads the pids listening on the port from Windows netstat', () => {
    const output = [
      'Active Connections',
      '',
      '  Proto  Local Address          Foreign Address        State           PID',
      '  TCP    127.0.0.1:17687        0.0.0.0:0              LISTENING       4321',
      '  TCP    127.0.0.1:53000        127.0.0.1:17687        ESTABLISHED     99',
      '  TCP    0.0.0.0:176870         0.0.0.0:0              LISTENING       1',
      '  TCP    [::]:8000              [::]:0                 LISTENING       777',
    ].join('\r\n');
    expect(netstatListeners(output, 17687)).toEqual([4321]);
    expect(netstatListeners(output, 8000)).toEqual([777]);
    expect(netstatListeners(output, 7687)).toEqual([]);
  });
});

describe('loggedBolt', () => {
  const log = [
    '2026-12-01 21:40:00.100+0000 INFO  Bolt enabled on localhost:17687.',
    '2026-12-01 21:44:40.695+0000 INFO  Bolt enabled on localhost:35479.',
    '2026-12-01 21:44:41.000+0000 INFO  Started.',
  ].join('\n');

  it('accepts a port the server reported opening since it started', () => {
    expect(loggedBolt(log, 35479, new Date('2026-12-01T21:44:30Z'))).toBe(true);
  });

  it('refuses another port, or a line from an earlier run', () => {
    expect(loggedBolt(log, 17687, new Date('2026-12-01T21:44:30Z'))).toBe(false);
    expect(loggedBolt(log, 35479, new Date('2026-12-01T21:50:00Z'))).toBe(false);
    expect(loggedBolt('', 35479, new Date(0))).toBe(false);
  });
});
