// The only place the core meets postMessage.
import { Handler } from './handlers';
import type { Request, Response } from './protocol';

const handler = new Handler();
const post = (r: Response) => (self as unknown as Worker).postMessage(r);
self.onmessage = (e: MessageEvent<Request>) => handler.handle(e.data, post);
