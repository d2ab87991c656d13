// The README's Express route behind a stand-in for your auth middleware (a `customer` header names the
// signed-in customer: never do that for real). Prints its URL once it listens.
import express from 'express';
import type { AddressInfo } from 'node:net';
import { refoldSession } from './session-route.js';

const app = express();
app.use((req, res, next) => {
  const id = req.get('customer');
  if (id) res.locals.customer = { refoldLinkedAccountId: id };
  next();
});
app.use(refoldSession);

const server = app.listen(0, '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
