/** Option parsers that reject bad values with a message naming the flag. */
import { InvalidArgumentError } from 'commander';

export function integerOption(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('expected a whole number.');
  return Number(value);
}

export function probabilityOption(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number > 1)
    throw new InvalidArgumentError('expected a probability from 0 to 1.');
  return number;
}

export function regionCodes(value: string, previous: string[] | undefined): string[] {
  // Accepts both "--regions NAI EMEA" and "--regions NAI,EMEA".
  const codes = value
    .split(',')
    .map((code) => code.trim().toUpperCase())
    .filter(Boolean);
  // A blank value ("--regions ''") must not leave an empty list, which would select nothing.
  if (codes.length === 0) throw new InvalidArgumentError('expected region codes such as NAI,EMEA.');
  return [...(previous ?? []), ...codes];
}
