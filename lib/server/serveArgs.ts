import { InputError } from '../errors';

const USAGE = 'usage: tsx scripts/serve.ts [-p PORT] [-H HOST] (PORT 1-65535; HOST an address or name to listen on)';

/** Port and host of the production server, from -p/--port and -H/--hostname (as next start takes them) or PORT. */
export function parseServeArgs(argv: string[], envPort?: string): { port: number; host: string | undefined } {
  let portText = envPort && envPort !== '' ? envPort : '3000';
  let portFrom = envPort ? 'PORT' : 'the default';
  let host: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (!['-p', '--port', '-H', '--hostname'].includes(flag))
      throw new InputError(`argument "${flag}"`, 'is not a known flag', USAGE);
    if (value === undefined || value.startsWith('-')) throw new InputError(`flag ${flag}`, 'needs a value', USAGE);
    i++;
    if (flag === '-p' || flag === '--port') {
      portText = value;
      portFrom = flag;
    } else host = value;
  }
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535)
    throw new InputError(portFrom, `"${portText}" is not a port number`, USAGE);
  return { port, host };
}
