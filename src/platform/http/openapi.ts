/**
 * The parts of the OpenAPI document every module uses: schema helpers, the error answer and its
 * examples, request and response shapes. Each module writes its own paths in its `openapi.ts`;
 * `modules/api/openapi.ts` assembles the document.
 */

export const str = (description: string, extra: Record<string, unknown> = {}) => ({
  type: 'string',
  description,
  ...extra,
});
export const nullable = (schema: Record<string, unknown>) => ({
  ...schema,
  type: [schema.type as string, 'null'],
});
export const int = (description: string, min = 0, max = 100_000) => ({
  type: 'integer',
  minimum: min,
  maximum: max,
  description,
});
export const codes = (description: string, values?: readonly string[]) => ({
  type: 'array',
  description,
  items: values ? { type: 'string', enum: [...values] } : { type: 'string' },
});

export const error = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'details'],
      properties: {
        code: str('Machine-readable code, e.g. validation, forbidden, not_found'),
        message: str('Human-readable summary'),
        details: {
          type: 'array',
          description: 'One entry per bad field',
          items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
        },
      },
    },
  },
};

/** The `examples` of a media type: one named example. */
export const example = (name: string, value: unknown) => ({ examples: { [name]: { value } } });

/** The required body of a return to the team: the reason they are given, with an example. */
export const reasonBody = (value: unknown) => ({
  required: true,
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['reason'],
        properties: { reason: { type: 'string', minLength: 5, maxLength: 2000 } },
      },
      ...example('reason', value),
    },
  },
});

export const errorResponse = (description: string, status: keyof typeof errorExamples) => ({
  description,
  content: {
    'application/json': {
      schema: { $ref: '#/components/schemas/Error' },
      ...example(errorExamples[status]!.code, { error: errorExamples[status] }),
    },
  },
});
/** The error answer for each status the operations document. */
export const errorExamples: Record<string, { code: string; message: string; details: unknown[] }> = {
  '400': {
    code: 'bad_request',
    message: 'Some parameters are not valid.',
    details: [{ field: 'country', message: 'Unknown code(s): XX.' }],
  },
  '401': { code: 'unauthenticated', message: 'Sign in first.', details: [] },
  '403': { code: 'forbidden', message: 'You are not allowed to do this.', details: [] },
  '404': { code: 'not_found', message: 'No such organisation.', details: [] },
  '409': { code: 'conflict', message: 'Only a profile awaiting review can be published.', details: [] },
  '422': {
    code: 'validation',
    message: 'Some fields are not valid.',
    details: [{ field: 'name', message: 'Enter at least 2 characters.' }],
  },
};

export const idParam = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'Identifier (uuid) or slug',
};
export const secured = [{ bearerAuth: [] }, { sessionCookie: [] }];
