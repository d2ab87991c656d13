/**
 * The demo's "user database": three customers of Acme CRM, each with its own Refold linked account.
 * In your app this is your session and your users table: the browser says nothing about which linked
 * account it wants; the server decides from who is signed in.
 *
 * @module
 */

/** A customer as the server knows it. */
export interface DemoCustomer {
  /** Your own id of the customer (what the sign-in cookie holds). */
  id: string;
  name: string;
  plan: string;
  /** Their Refold linked account: server-side only, never sent to the browser. */
  linkedAccountId: string;
}

/** What the browser may see of a customer. */
export type PublicCustomer = Omit<DemoCustomer, 'linkedAccountId'>;

const customer = (id: string, name: string, plan: string): DemoCustomer => ({
  id,
  name,
  plan,
  linkedAccountId: `acme-demo-${id}`,
});

/** Signed in on a first visit. */
export const NORTHWIND = customer('northwind', 'Northwind Traders', 'Growth');
export const GLOBEX = customer('globex', 'Globex Corporation', 'Enterprise');
export const INITECH = customer('initech', 'Initech', 'Starter');

export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [NORTHWIND, GLOBEX, INITECH];

/** The customer with this id, if it is one of ours. */
export function findCustomer(id: string | undefined): DemoCustomer | undefined {
  return DEMO_CUSTOMERS.find((customer) => customer.id === id);
}

/** A customer without its linked account id. */
export function publicCustomer({ id, name, plan }: DemoCustomer): PublicCustomer {
  return { id, name, plan };
}
