/**
 * Whether an error is PostgreSQL refusing a row that breaks a unique rule (code 23505): a second
 * registration of an address, a double booking, a second live request. Callers answer it as a
 * clear conflict.
 */
export const isUniqueViolation = (err: unknown) => (err as { code?: string } | null)?.code === '23505';
