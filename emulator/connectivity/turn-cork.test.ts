// Writes held until the end of the loop turn: they leave after the current batch of callbacks, in
// order, before a FIN that follows them, and backpressure is still reported.
import net, { type AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { onCleanup } from '../test/support.js';
import { corkForTurn } from './turn-cork.js';

/** A connected pair: `client` (ours) and everything the server side receives until it ends. */
async function pair(): Promise<{ client: net.Socket; received: Promise<string> }> {
  let resolveReceived!: (text: string) => void;
  const received = new Promise<string>((resolve) => (resolveReceived = resolve));
  const server = net.createServer((socket) => {
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('end', () => {
      resolveReceived(text);
      socket.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = net.connect((server.address() as AddressInfo).port, '127.0.0.1');
  await new Promise<void>((resolve) => client.once('connect', resolve));
  onCleanup(async () => {
    client.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { client, received };
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('corkForTurn', () => {
  it('holds the writes of this turn, on every socket, and sends them in order at its end', async () => {
    const a = await pair();
    const b = await pair();
    corkForTurn(a.client);
    a.client.write('one ');
    corkForTurn(b.client);
    b.client.write('alpha ');
    corkForTurn(a.client); // a second call in the same turn changes nothing
    a.client.write('two');
    b.client.write('beta');
    // Nothing went to the kernel yet: all of it is still in the sockets' own buffers.
    expect(a.client.writableLength).toBe('one two'.length);
    expect(b.client.writableLength).toBe('alpha beta'.length);
    expect(a.client.writableCorked).toBe(1);

    await nextTurn();
    expect(a.client.writableCorked).toBe(0);
    expect(b.client.writableCorked).toBe(0);
    a.client.end();
    b.client.end();
    expect(await a.received).toBe('one two');
    expect(await b.received).toBe('alpha beta');
  });

  it('sends held bytes before a FIN asked for in the same turn', async () => {
    const { client, received } = await pair();
    corkForTurn(client);
    client.write('last words');
    client.end();
    expect(await received).toBe('last words');
    await nextTurn(); // the turn's flush finds the socket already uncorked
    expect(client.writableCorked).toBe(0);
  });

  it('still reports backpressure while held', async () => {
    const { client } = await pair();
    corkForTurn(client);
    expect(client.write(Buffer.alloc(client.writableHighWaterMark - 1))).toBe(true);
    expect(client.write(Buffer.alloc(2))).toBe(false);
    await new Promise<void>((resolve) => client.once('drain', resolve));
    expect(client.writableLength).toBe(0);
  });

  it('holds a socket corked again in a later turn', async () => {
    const { client, received } = await pair();
    corkForTurn(client);
    client.write('first ');
    await nextTurn();
    corkForTurn(client);
    client.write('second');
    expect(client.writableLength).toBe('second'.length);
    await nextTurn();
    client.end();
    expect(await received).toBe('first second');
  });

  it('still sends the other sockets when one throws while its writes leave', async () => {
    const { client, received } = await pair();
    const broken = new Writable({
      write() {
        throw new Error('broken sink');
      },
    });
    const failed = new Promise<Error>((resolve) => broken.once('error', resolve));
    corkForTurn(broken);
    broken.write('lost');
    corkForTurn(client);
    client.write('delivered');
    await nextTurn();
    expect((await failed).message).toBe('broken sink');
    expect(broken.destroyed).toBe(true);
    client.end();
    expect(await received).toBe('delivered');
  });
});
