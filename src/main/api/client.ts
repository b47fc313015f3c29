/**
 * Names the REST client for the rest of the request (after the body is read, so that the
 * handlers' awaits keep it): the audit log records it as `rest`, with the User-Agent and the
 * caller's address. Nothing from the Authorization header is kept.
 */
import type { RequestHandler } from 'express';
import { withClient } from '../services/request-context';

export function restClient(): RequestHandler {
  return (req, _res, next) => {
    const user_agent = req.get('user-agent');
    const remote = req.socket.remoteAddress;
    withClient(
      {
        client: 'rest',
        ...(user_agent !== undefined && { user_agent }),
        ...(remote !== undefined && { remote }),
      },
      next,
    );
  };
}
