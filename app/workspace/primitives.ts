// Field types every part of the workspace schema shares.
import { z } from 'zod';

export const port = z.number().int().min(0).max(65535);
export const name = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_.\-!|]+$/, 'only letters, digits and _ . - ! | are allowed');
export const hostName = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9]([A-Za-z0-9\-.]*[A-Za-z0-9])?$/, 'must be a host name or IPv4 address');

/**
 * An address to listen on: an IP literal or `localhost`. A host name would be resolved at every start
 * and fail there (`getaddrinfo ENOTFOUND`), after the workspace was accepted.
 */
export const bindAddress = z.union([z.ipv4(), z.ipv6(), z.literal('localhost')], {
  error: (issue) =>
    `must be an IP address (IPv4 such as 127.0.0.1 or IPv6 such as ::1) or "localhost", not ${JSON.stringify(issue.input)}`,
});

/** Loopback addresses: binding one keeps the emulator on this machine. */
export function isLoopbackAddress(address: string): boolean {
  return address === 'localhost' || address === '::1' || /^127\.\d+\.\d+\.\d+$/.test(address);
}
