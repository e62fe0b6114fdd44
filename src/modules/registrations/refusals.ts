import { AppError, type ErrorCode } from '../../platform/errors.ts';

/** Why a registration is refused; pages show `reg.refused.<reason>`, the API its code and message. */
export type RefusalReason =
  | 'already_registered'
  | 'not_open'
  | 'closed'
  | 'disabled'
  | 'sign_in'
  | 'cancelled';

const REFUSALS: Record<RefusalReason, { code: ErrorCode; message: string }> = {
  already_registered: {
    code: 'conflict',
    message: 'This e-mail address is already registered for this event.',
  },
  not_open: { code: 'conflict', message: 'Registration for this event is not open yet.' },
  closed: { code: 'conflict', message: 'Registration for this event is closed.' },
  disabled: { code: 'conflict', message: 'This event does not take registrations here.' },
  sign_in: { code: 'unauthenticated', message: 'Sign in to register for this event.' },
  cancelled: { code: 'gone', message: 'This registration is already cancelled.' },
};

export class RegistrationRefused extends AppError {
  constructor(readonly reason: RefusalReason) {
    super(REFUSALS[reason].code, REFUSALS[reason].message);
  }
}
