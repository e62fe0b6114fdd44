import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { checkCsrfToken } from './context.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route reads a multipart form with `readMultipartForm`, which checks its CSRF field. */
    multipartForm?: boolean;
  }
}

/** Route options of a route that takes a multipart form (the CSRF token is checked in the body). */
export const MULTIPART_FORM = { config: { multipartForm: true } } as const;

export interface MultipartForm {
  /** The text fields (the last value of each name). */
  fields: Record<string, string>;
  /** The named file; null when none was chosen (browsers then send a part without a file name). */
  file: { name: string; data: Buffer } | null;
  /** The file was larger than the upload limit and has not been kept. */
  tooLarge: boolean;
}

/**
 * Reads a multipart form. Its hidden `_csrf` field comes before the file field (`<Csrf>` first in the
 * form), so the token is checked when the file begins, before a byte of the file is read; a form
 * without a file is checked at its end. A wrong or missing token throws the `csrf` error (403), so
 * the route writes nothing. The token never travels in the URL, where logs and `Referer` keep it.
 */
export async function readMultipartForm(req: FastifyRequest, fileField: string): Promise<MultipartForm> {
  if (!req.isMultipart())
    throw new AppError('unsupported_media_type', 'Send the form as multipart/form-data.');
  const header = typeof req.headers['x-csrf-token'] === 'string' ? req.headers['x-csrf-token'] : '';
  const form: MultipartForm = { fields: {}, file: null, tooLarge: false };
  let checked = false;
  const check = () => {
    if (!checked) checkCsrfToken(req, form.fields._csrf || header);
    checked = true;
  };
  try {
    for await (const part of req.parts()) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') form.fields[part.fieldname] = part.value;
        continue;
      }
      check();
      if (part.fieldname !== fileField || form.file || form.tooLarge || !part.filename) {
        part.file.resume();
        continue;
      }
      form.file = { name: part.filename, data: await part.toBuffer() };
    }
  } catch (err) {
    if ((err as { code?: unknown }).code !== 'FST_REQ_FILE_TOO_LARGE') throw err;
    form.tooLarge = true;
  }
  check();
  return form;
}
