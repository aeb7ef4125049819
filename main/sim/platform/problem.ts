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
  return reply.code(p.status).type('application/problem+json').send(p);
}

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}
