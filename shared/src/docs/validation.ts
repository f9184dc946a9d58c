// Turns a zod failure into field errors whose messages are i18n keys (the client translates them).
import type { z } from 'zod/mini';

export interface FieldError {
  field: string;
  /** An i18n key such as `errors.titleRequired`. */
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export function validate<S extends z.ZodMiniType>(schema: S, input: unknown): Validated<z.infer<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => ({
      field: issue.path.map(String).join('.'),
      message: issue.message.startsWith('errors.') ? issue.message : 'errors.invalid',
    })),
  };
}
