// A SOCKS5 client using SAP's authentication method 0x80 through the `socks` package's custom-auth
// options (it has no built-in support): the connectivity binding's token from XSUAA, then a CONNECT to a
// TCP mapping's virtual host, a line written and the echo read back.
//
// usage: node proxy-socks.mjs <virtual host> <port> [location id]
// Prints one JSON line {"script":"proxy-socks",...}; exits 1 on failure.
import { SocksClient } from 'socks';

const [host, port, location] = process.argv.slice(2);
const connectivity = JSON.parse(process.env.VCAP_SERVICES).connectivity[0].credentials;
const form = new URLSearchParams({
  grant_type: 'client_credentials',
  client_id: connectivity.clientid,
  client_secret: connectivity.clientsecret,
});
const token = (await (await fetch(`${connectivity.url}/oauth/token`, { method: 'POST', body: form })).json())
  .access_token;

function sapAuthentication() {
  const jwt = Buffer.from(token);
  const loc = Buffer.from(location ? Buffer.from(location).toString('base64') : '');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(jwt.length);
  return Buffer.concat([Buffer.from([0x01]), length, jwt, Buffer.from([loc.length]), loc]);
}

try {
  const { socket } = await SocksClient.createConnection({
    command: 'connect',
    destination: { host, port: Number(port) },
    proxy: {
      host: connectivity.onpremise_proxy_host,
      port: Number(connectivity.onpremise_socks5_proxy_port),
      type: 5,
      custom_auth_method: 0x80,
      custom_auth_request_handler: async () => sapAuthentication(),
      custom_auth_response_size: 2,
      custom_auth_response_handler: async (data) => data[1] === 0x00,
    },
  });
  const echoed = await new Promise((resolve) => {
    socket.once('data', (d) => resolve(d.toString()));
    socket.write('ping through SOCKS5');
  });
  socket.destroy();
  process.stdout.write(`${JSON.stringify({ script: 'proxy-socks', echoed })}\n`);
} catch (error) {
  process.stderr.write(`proxy-socks: ${error?.stack ?? error}\n`);
  process.exit(1);
}
