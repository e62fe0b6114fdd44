import type { validation as en } from '../en/validation.ts';

/** Validation messages of forms, the API and imports. */
export const validation: Record<keyof typeof en, string> = {
  'v.time_skipped':
    'Diese Uhrzeit gibt es in dieser Zeitzone nicht: Die Uhren werden dann vorgestellt. Wählen Sie eine andere Uhrzeit.',
  'v.required': 'Dieses Feld ist erforderlich.',
  'v.invalid_type': 'Dieser Wert hat den falschen Typ (erwartet: {expected}).',
  'v.too_short': 'Geben Sie mindestens {min} Zeichen ein.',
  'v.too_long': 'Geben Sie höchstens {max} Zeichen ein.',
  'v.too_small': 'Geben Sie einen Wert von mindestens {min} ein.',
  'v.too_big': 'Geben Sie einen Wert von höchstens {max} ein.',
  'v.too_few': 'Wählen Sie mindestens {min} aus.',
  'v.too_many': 'Wählen Sie höchstens {max} aus.',
  'v.email': 'Geben Sie eine gültige E-Mail-Adresse ein, z.\u00a0B. name@example.org.',
  'v.url': 'Geben Sie eine vollständige Webadresse ein, die mit https:// oder http:// beginnt.',
  'v.format': 'Dieser Wert hat nicht das erwartete Format.',
  'v.choice': 'Wählen Sie eine der angebotenen Optionen.',
  'v.date': 'Geben Sie ein Datum im Format JJJJ-MM-TT ein.',
  'v.date_order': 'Das Enddatum darf nicht vor dem Startdatum liegen.',
  'v.no_html': 'Nur reiner Text: HTML-Tags und Skripte sind hier nicht zulässig.',
  'v.duplicate_external_id': 'Dieselbe external_id steht bereits in Zeile {line}.',
  'v.unknown_code': 'Unbekannte(r) Code(s): {codes}.',
  'v.country': 'Wählen Sie ein Land aus der Liste.',
  'v.nuts':
    'Geben Sie einen NUTS-Code für {country} ein, z.\u00a0B. das zweibuchstabige Länderpräfix, gefolgt von bis zu drei Zeichen.',
  'v.coordinates': 'Geben Sie entweder Breiten- und Längengrad an oder keines von beiden.',
  'v.email_taken':
    'Es gibt bereits ein Konto mit dieser E-Mail-Adresse. Melden Sie sich an oder setzen Sie Ihr Passwort zurück.',
  'v.credentials': 'Die E-Mail-Adresse oder das Passwort ist nicht korrekt.',
  'v.current_password': 'Das aktuelle Passwort ist nicht korrekt.',
  'v.password_short': 'Das Passwort muss mindestens 10 Zeichen lang sein.',
  'v.password_long': 'Das Passwort darf höchstens 200 Zeichen lang sein.',
  'v.password_common': 'Dieses Passwort ist zu leicht zu erraten. Wählen Sie ein anderes.',
  'v.password_email': 'Das Passwort darf Ihre E-Mail-Adresse nicht enthalten.',
  'v.already_member': 'Diese Person ist bereits im Team.',
  'v.logo_type': 'Das Logo muss ein PNG-, JPEG-, WebP- oder GIF-Bild sein.',
  'v.logo_size': 'Das Logo darf höchstens 2\u00a0MB groß sein.',
  'v.import_type': 'Die Datei muss eine .csv- oder .json-Datei im Format des Exports sein.',
  'v.import_size': 'Die Datei darf höchstens {mb}\u00a0MB groß sein.',
  'v.import_text': 'Die Datei muss UTF-8-kodierter Text sein.',
  'v.import_unreadable': 'Die Datei konnte nicht gelesen werden: {reason}',
  'v.import_empty': 'Die Datei enthält keine Organisationen.',
};
