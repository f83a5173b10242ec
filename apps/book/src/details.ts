import { CccdSchema, CitizenNameSchema, VnPhoneSchema } from '@luot/protocol';
import type { Details } from './flow';
import type { BookText } from './texts';

export type Field = keyof Details;

/** Which fields are wrong (and the words to say so), by the same schemas the hub checks the request with. */
export function detailsErrors(d: Details): Partial<Record<Field, BookText>> {
  const errors: Partial<Record<Field, BookText>> = {};
  if (!CitizenNameSchema.safeParse(d.name).success) errors.name = 'nameError';
  if (!VnPhoneSchema.safeParse(d.phone).success) errors.phone = 'phoneError';
  if (d.cccd.trim() && !CccdSchema.safeParse(d.cccd).success) errors.cccd = 'cccdError';
  return errors;
}
