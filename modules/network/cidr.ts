/**
 * IPv4 CIDR arithmetic, pure and offline: the subnet plan is computed here, not by
 * Terraform's cidrsubnet(), so the config validation, the stacks and the network
 * evidence page all read the same literal ranges.
 */

/** A parsed IPv4 CIDR block. */
export interface Cidr {
  /** Network address as an unsigned 32-bit number. */
  readonly base: number;
  readonly prefix: number;
}

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parses "a.b.c.d/n"; undefined when it is not an IPv4 CIDR. Host bits are kept (see {@link isNetworkAddress}). */
export function parseCidr(text: string): Cidr | undefined {
  const m = CIDR.exec(text);
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const base = octets.reduce((acc, o) => acc * 256 + o, 0);
  return { base, prefix };
}

function size(c: Cidr): number {
  return 2 ** (32 - c.prefix);
}

/** True when no host bit is set (10.0.0.0/16, not 10.0.0.1/16). */
export function isNetworkAddress(c: Cidr): boolean {
  return c.base % size(c) === 0;
}

export function formatCidr(c: Cidr): string {
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(c.base / 2 ** shift) % 256);
  return `${octets.join('.')}/${c.prefix}`;
}

/** True when the two blocks share at least one address. */
export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.base < b.base + size(b) && b.base < a.base + size(a);
}

/** True when `inner` lies entirely inside `outer`. */
export function contains(outer: Cidr, inner: Cidr): boolean {
  return inner.prefix >= outer.prefix && inner.base >= outer.base && inner.base + size(inner) <= outer.base + size(outer);
}

/** Terraform's cidrsubnet(prefix, newbits, netnum), as a string. */
export function cidrSubnet(parent: string, newBits: number, netNum: number): string {
  const c = parseCidr(parent);
  if (!c) throw new Error(`not an IPv4 CIDR: ${parent}`);
  const prefix = c.prefix + newBits;
  if (prefix > 32 || netNum < 0 || netNum >= 2 ** newBits) throw new Error(`cannot take subnet ${netNum} of /${prefix} in ${parent}`);
  const base = Math.floor(c.base / size(c)) * size(c) + netNum * 2 ** (32 - prefix);
  return formatCidr({ base, prefix });
}

/** The RFC 1918 private ranges: a VPC must sit inside one of them. */
export const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] as const;
