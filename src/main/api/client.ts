/**
 * Names the REST client for the rest of the request (after the body is read, so that the
 * handlers' awaits keep it): the audit log records it as `rest`, with the User-Agent and the
 * caller's address. Nothing from the Authorization header is kept. A client that closes its
 * connection before the answer is complete aborts the request's signal: the reads it started are
 * stopped in the database instead of running on for nobody (a region given up for another).
 */
import type { RequestHandler } from 'express';
import { withClient } from '../services/request-context';

export function restClient(): RequestHandler {
  return (req, res, next) => {
    const user_agent = req.get('user-agent');
    const remote = req.socket.remoteAddress;
    const given = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) given.abort(new Error('The client closed the connection'));
    });
    withClient(
      {
        client: 'rest',
        ...(user_agent !== undefined && { user_agent }),
        ...(remote !== undefined && { remote }),
        signal: given.signal,
      },
      next,
    );
  };
}
