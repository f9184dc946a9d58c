// Every write of the meeting screen goes through here: an observer's is refused before it runs, and a refusal shows
// once — under its field for a form (which gets the errors back), else in the screen's banner.
import { useCallback, useState } from 'react';
import type { FieldError, Validated } from '@maillage/shared';

export type MeetingWrite = <T>(run: () => Validated<T>, form?: boolean) => FieldError[] | null;

export function useMeetingWrite(canWrite: boolean): { refusal: string | null; write: MeetingWrite } {
  const [refusal, setRefusal] = useState<string | null>(null);
  const write = useCallback(
    <T>(run: () => Validated<T>, form = false): FieldError[] | null => {
      const result: Validated<T> = canWrite
        ? run()
        : { ok: false, errors: [{ field: 'role', message: 'roles.readOnly' }] };
      setRefusal(result.ok || form ? null : (result.errors[0]?.message ?? 'errors.invalid'));
      return result.ok ? null : result.errors;
    },
    [canWrite],
  );
  return { refusal, write };
}
