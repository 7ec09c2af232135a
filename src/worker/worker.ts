// The only place the core meets postMessage. Loads are asynchronous (files stream in chunks),
// so a cancel message can arrive between two chunks.
import { Handler } from './handlers';
import type { Request, Response } from './protocol';

const handler = new Handler();
const post = (r: Response) => (self as unknown as Worker).postMessage(r);
self.onmessage = (e: MessageEvent<Request>) => void handler.handle(e.data, post);
