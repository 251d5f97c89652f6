// The baseline: raw RS256 signing with the same library, key type and claim size as the engine's
// token endpoint, 8 signatures in flight (like 8 HTTP clients), in a process of its own.
import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, importPKCS8 } from 'jose';

const seconds = Number(process.argv[2] ?? 5);
const concurrency = 8;
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const key = await importPKCS8(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), 'RS256');
const claims = {
  jti: 'a'.repeat(32),
  ext_attr: { enhancer: 'XSUAA', subaccountid: '9f3a2c1e-5b7d-4e8f-a1b2-c3d4e5f60718' },
  scope: ['uaa.resource', 'demo!t1.Display'],
  client_id: 'sb-demo!t1',
  cid: 'sb-demo!t1',
  azp: 'sb-demo!t1',
  rev_sig: 'abcdef12',
  iss: 'http://127.0.0.1:20010/oauth/token',
  zid: '9f3a2c1e-5b7d-4e8f-a1b2-c3d4e5f60718',
  aud: ['uaa', 'demo!t1', 'sb-demo!t1'],
  sub: 'sb-demo!t1',
  authorities: ['uaa.resource', 'demo!t1.Display'],
  grant_type: 'client_credentials',
};
const header = {
  alg: 'RS256',
  kid: 'key-0123456789abcdef',
  jku: 'https://localhost:20011/token_keys',
  typ: 'JWT',
};

let count = 0;
const deadline = performance.now() + seconds * 1000;
async function worker() {
  while (performance.now() < deadline) {
    const iat = Math.floor(Date.now() / 1000);
    await new SignJWT({ ...claims, iat, exp: iat + 43200 }).setProtectedHeader(header).sign(key);
    count++;
  }
}
const started = performance.now();
await Promise.all(Array.from({ length: concurrency }, worker));
process.stdout.write(JSON.stringify({ rate: count / ((performance.now() - started) / 1000), count }));
