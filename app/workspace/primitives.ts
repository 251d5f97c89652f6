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
