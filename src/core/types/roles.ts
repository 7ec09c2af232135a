// What a column can mean, and which file kinds there are.

/** What a column means. `ignore` is a user's explicit "not used". */
export type Role =
  | 'customerId'
  | 'customerName'
  | 'rep'
  | 'region'
  | 'segment'
  | 'signupDate'
  | 'firstOrderDate'
  | 'lastOrderDate'
  | 'churnDate'
  | 'status'
  | 'reason'
  | 'reasonCategory'
  | 'revenue'
  | 'tenure'
  | 'orderId'
  | 'orderDate'
  | 'amount'
  | 'quantity'
  | 'unitPrice'
  | 'repJoinDate'
  | 'repLeaveDate';

export const ROLES: readonly Role[] = [
  'customerId',
  'customerName',
  'rep',
  'region',
  'segment',
  'signupDate',
  'firstOrderDate',
  'lastOrderDate',
  'churnDate',
  'status',
  'reason',
  'reasonCategory',
  'revenue',
  'tenure',
  'orderId',
  'orderDate',
  'amount',
  'quantity',
  'unitPrice',
  'repJoinDate',
  'repLeaveDate',
];

/** Role → column index in `ParsedFile.header`. */
export type RoleMap = Partial<Record<Role, number>>;

export type FileKind = 'customers' | 'orders' | 'staff';
