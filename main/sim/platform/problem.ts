import type { Socket } from 'node:net';
import type { FastifyReply } from 'fastify';

/** RFC 9457 problem details, as the platform answers errors. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  [extension: string]: unknown;
}

export function problem(
  status: number,
  code: string,
  title: string,
  detail: string,
  extra: Record<string, unknown> = {},
): Problem {
  return {
    type: `https://platform.example/problems/${code.toLowerCase()}`,
    title,
    status,
    detail,
    code,
    ...extra,
  };
}

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  // Serialised here, so it also works on replies made outside a route (a bad URL).
  return reply.code(p.status).type('application/problem+json').send(JSON.stringify(p));
}

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

/**
 * Answers an error Node's HTTP parser raised (no request object yet) with a problem
 * document: 431 when the headers (the request line included) are too large, else 400.
 */
export function writeClientErrorProblem(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const body = JSON.stringify(
    tooLarge
      ? problem(
          431,
          'HEADERS_TOO_LARGE',
          'Request header fields too large',
          'The request line and headers together are larger than the platform accepts.',
        )
      : problem(400, 'MALFORMED_REQUEST', 'Malformed request', 'The request is not valid HTTP.'),
  );
  socket.end(
    `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\n` +
      'Content-Type: application/problem+json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}
