/** The one error type of the application. Its code decides the HTTP status; nothing else leaks. */
export type ErrorCode =
  | 'bad_request'
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'internal'
  // B2B matchmaking (issue 15): a slot no longer free, a pair already requested, a quota spent,
  // a request outside the booking window.
  | 'slot_taken'
  | 'already_requested'
  | 'quota_exceeded'
  | 'outside_window';

export const STATUS_OF: Record<ErrorCode, number> = {
  bad_request: 400,
  validation: 422,
  unauthenticated: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  slot_taken: 409,
  already_requested: 409,
  quota_exceeded: 409,
  outside_window: 409,
};

export interface FieldProblem {
  field: string;
  /** An i18n key (`v.*`) or plain English text. */
  message: string;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: FieldProblem[] = [],
  ) {
    super(message);
  }

  get status(): number {
    return STATUS_OF[this.code];
  }
}

export const notFound = (what = 'Not found') => new AppError('not_found', what);
export const forbidden = (why = 'You are not allowed to do this.') => new AppError('forbidden', why);
export const validation = (details: FieldProblem[], message = 'Some fields are not valid.') =>
  new AppError('validation', message, details);
