// What handlers answer, and the four error shapes Veracode's APIs are seen to use.
import { randomUUID } from 'node:crypto';

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests',
  500: 'Internal Server Error', 503: 'Service Unavailable',
};

/** Thrown by handlers to answer with an error; the server turns it into the reply. */
export class ApiError extends Error {
  constructor(readonly reply: Reply) {
    super(`HTTP ${reply.status}`);
  }
}

/** `{"http_code":403,"http_status":"Forbidden","message":"..."}` */
export function httpCodeError(status: number, message: string, headers?: Record<string, string>): ApiError {
  return new ApiError({ status, headers, body: { http_code: status, http_status: STATUS_TEXT[status] ?? 'Error', message } });
}

/** `{"errors":["size: ..."],"status":400}`: request validation. */
export function validationError(messages: string[]): ApiError {
  return new ApiError({ status: 400, body: { errors: messages, status: 400 } });
}

/** `{"_embedded":{"api_errors":[...]}}`: something that does not exist. */
export function notFoundError(title: string, detail: string, source: string): ApiError {
  return new ApiError({
    status: 404,
    body: { _embedded: { api_errors: [{ id: randomUUID(), code: 'NOT_FOUND', title, status: '404', source: { parameter: source }, detail }] } },
  });
}

/** OAuth-style `{"error":"invalid_client","error_description":"..."}`. */
export function oauthError(status: number, error: string, description: string): ApiError {
  const headers: Record<string, string> = status === 401 ? { 'www-authenticate': `Bearer error="${error}"` } : {};
  return new ApiError({ status, headers, body: { error, error_description: description } });
}

export const FORBIDDEN = 'You do not have the role needed for this request: it needs the Administrator or Admin API role';

export function forbidden(message = FORBIDDEN): ApiError {
  return httpCodeError(403, message);
}
