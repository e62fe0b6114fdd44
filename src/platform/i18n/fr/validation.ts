import type { validation as en } from '../en/validation.ts';

/** Validation messages of forms, the API and imports. */
export const validation: Record<keyof typeof en, string> = {
  'v.time_skipped':
    'Cette heure n’existe pas dans ce fuseau horaire : on avance les horloges à ce moment-là. Choisissez une autre heure.',
  'v.required': 'Ce champ est obligatoire.',
  'v.invalid_type': 'Le type de cette valeur est incorrect (type attendu\u00a0: {expected}).',
  'v.too_short': 'Saisissez au moins {min} caractères.',
  'v.too_long': 'Saisissez au plus {max} caractères.',
  'v.too_small': "Saisissez une valeur d'au moins {min}.",
  'v.too_big': 'Saisissez une valeur de {max} au plus.',
  'v.too_few': 'Choisissez-en au moins {min}.',
  'v.too_many': 'Choisissez-en au plus {max}.',
  'v.email': 'Saisissez une adresse e-mail valide, par exemple nom@example.org.',
  'v.url': 'Saisissez une adresse web complète commençant par https:// ou http://.',
  'v.format': "Cette valeur n'a pas le format attendu.",
  'v.choice': "Choisissez l'une des options proposées.",
  'v.date': 'Saisissez une date au format AAAA-MM-JJ.',
  'v.date_order': 'La date de fin ne peut pas être antérieure à la date de début.',
  'v.no_html': 'Texte brut uniquement\u00a0: les balises HTML et les scripts ne sont pas autorisés ici.',
  'v.duplicate_external_id': 'Le même external_id figure déjà à la ligne {line}.',
  'v.unknown_code': 'Code(s) inconnu(s)\u00a0: {codes}.',
  'v.country': 'Choisissez un pays dans la liste.',
  'v.nuts':
    'Saisissez un code NUTS pour {country}, par exemple son préfixe de deux lettres suivi de trois caractères au plus.',
  'v.coordinates': 'Indiquez à la fois la latitude et la longitude, ou aucune des deux.',
  'v.email_taken':
    'Un compte existe déjà avec cette adresse e-mail. Connectez-vous ou réinitialisez votre mot de passe.',
  'v.credentials': "L'adresse e-mail ou le mot de passe est incorrect.",
  'v.current_password': 'Le mot de passe actuel est incorrect.',
  'v.password_short': 'Le mot de passe doit comporter au moins 10 caractères.',
  'v.password_long': 'Le mot de passe doit comporter au plus 200 caractères.',
  'v.password_common': 'Ce mot de passe est trop facile à deviner. Choisissez-en un autre.',
  'v.password_email': 'Le mot de passe ne doit pas contenir votre adresse e-mail.',
  'v.already_member': "Cette personne fait déjà partie de l'équipe.",
  'v.logo_type': 'Le logo doit être une image PNG, JPEG, WebP ou GIF.',
  'v.logo_size': 'Le logo ne doit pas dépasser 2\u00a0Mo.',
  'v.import_type': "Le fichier doit être un fichier .csv ou .json au format de l'export.",
  'v.import_size': 'Le fichier ne doit pas dépasser {mb}\u00a0Mo.',
  'v.import_text': 'Le fichier doit être du texte encodé en UTF-8.',
  'v.import_unreadable': "Le fichier n'a pas pu être lu\u00a0: {reason}",
  'v.import_empty': 'Le fichier ne contient aucune organisation.',
};
