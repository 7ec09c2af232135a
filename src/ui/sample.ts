// The built-in sample: a customer list, an order log and a staff roster made by scripts/gen-sample.ts (seeded).
import customers from '../sample/customers.csv?raw';
import orders from '../sample/orders.csv?raw';
import staff from '../sample/staff.csv?raw';
import type { InputFile } from '../worker/protocol';

const bytes = (s: string): ArrayBuffer => {
  const b = new TextEncoder().encode(s);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
};

export function sampleFiles(): InputFile[] {
  return [
    { name: 'sample-customers.csv', bytes: bytes(customers) },
    { name: 'sample-orders.csv', bytes: bytes(orders) },
    { name: 'sample-staff.csv', bytes: bytes(staff) },
  ];
}
