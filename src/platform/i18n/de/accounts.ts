import type { accounts as en } from '../en/accounts.ts';

/** Sign-up, sign-in, passwords, account and API tokens, e-mails, roles. */
export const accounts: Record<keyof typeof en, string> = {
  'signup.title': 'Konto erstellen',
  'signup.submit': 'Konto erstellen',
  'signup.have_account': 'Sie haben bereits ein Konto? Melden Sie sich an',
  'signup.check_email_title': 'Prüfen Sie Ihr E-Mail-Postfach',
  'signup.check_email':
    'Wir haben einen Link an {email} gesendet. Öffnen Sie ihn, um Ihre Adresse zu bestätigen.',
  'signup.check_email_any':
    'Wir haben einen Link an Ihre E-Mail-Adresse gesendet. Öffnen Sie ihn, um Ihre Adresse zu bestätigen.',
  'signin.title': 'Anmelden',
  'signin.submit': 'Anmelden',
  'signin.forgot': 'Passwort vergessen?',
  'signin.no_account': 'Konto erstellen',
  'forgot.title': 'Passwort zurücksetzen',
  'forgot.intro':
    'Geben Sie Ihre E-Mail-Adresse ein. Wir senden Ihnen dann einen Link, mit dem Sie ein neues Passwort festlegen können.',
  'forgot.submit': 'Link senden',
  'reset.title': 'Neues Passwort festlegen',
  'reset.submit': 'Neues Passwort speichern',
  'link.title': 'Dieser Link kann nicht verwendet werden',
  'link.used': 'Dieser Link wurde bereits verwendet. Jeder Link funktioniert nur einmal.',
  'link.expired': 'Dieser Link ist abgelaufen.',
  'link.unknown': 'Dieser Link ist ungültig. Prüfen Sie, ob Sie ihn vollständig kopiert haben.',
  'link.new_reset': 'Neuen Link zum Zurücksetzen des Passworts anfordern',
  'link.verify_used':
    'Dieser Bestätigungslink wurde bereits verwendet. Ihre Adresse ist bestätigt: Sie können sich anmelden.',
  'link.sign_in': 'Anmelden',
  'link.to_account': 'Zu Ihrem Konto',
  'link.new_verification':
    'Melden Sie sich an, um über Ihre Kontoseite eine neue Bestätigungs-E-Mail zu erhalten',
  'account.title': 'Ihr Konto',
  'account.verified': 'bestätigt',
  'account.unverified': 'noch nicht bestätigt',
  'account.role': 'Rolle',
  'account.resend': 'Bestätigungs-E-Mail erneut senden',
  'account.change_password': 'Passwort ändern',
  'account.set_password': 'Passwort festlegen',
  'account.set_password_intro':
    'Ihr Konto hat noch kein Passwort. Legen Sie eines fest, um sich künftig mit Ihrer E-Mail-Adresse anzumelden.',
  'notice.password_set': 'Ihr Passwort wurde festgelegt. Melden Sie sich künftig damit an.',
  'role.user': 'Benutzer',
  'role.editor': 'Redakteur',
  'role.admin': 'Administrator',
  'tokens.title': 'Persönliche Zugriffstoken',
  'tokens.intro':
    'Mit Tokens können Programme die API in Ihrem Namen nutzen: Senden Sie sie als „Authorization: Bearer <token>“.',
  'tokens.created': 'Ihr neues Token wird nur einmal angezeigt. Kopieren Sie es jetzt:',
  'tokens.name': 'Name des Tokens',
  'tokens.created_at': 'Erstellt am',
  'tokens.last_used': 'Zuletzt verwendet',
  'tokens.actions': 'Aktionen',
  'tokens.revoke': 'Widerrufen',
  'tokens.create': 'Token erstellen',
  'mail.verify.subject': 'Bestätigen Sie Ihre E-Mail-Adresse für Clusterhub',
  'mail.verify.body':
    'Willkommen bei Clusterhub!\n\nBitte bestätigen Sie Ihre E-Mail-Adresse, indem Sie diesen Link öffnen (48 Stunden gültig):\n{link}\n\nFalls Sie kein Konto erstellt haben, ignorieren Sie diese Nachricht.',
  'mail.reset.subject': 'Ihr Clusterhub-Passwort zurücksetzen',
  'mail.reset.body':
    'Jemand hat angefordert, das Passwort Ihres Clusterhub-Kontos zurückzusetzen.\n\nUm ein neues Passwort festzulegen, öffnen Sie diesen Link (1 Stunde gültig, nur einmal verwendbar):\n{link}\n\nFalls Sie das nicht waren, ignorieren Sie diese Nachricht: Ihr Passwort bleibt unverändert.',
  'mail.sign_in.subject': 'Ihr Anmeldelink für Clusterhub',
  'mail.sign_in.body':
    'Öffnen Sie diesen Link, um sich anzumelden (24 Stunden gültig, nur einmal verwendbar):\n{link}',
  'mail.invite.subject': 'Treten Sie dem Team von {name} auf Clusterhub bei',
  'mail.invite.body':
    '{inviter} lädt Sie in das Team von {name} auf Clusterhub ein.\n\nÖffnen Sie diesen Link, um die Einladung anzunehmen (14 Tage gültig); Sie können sich vorher anmelden oder ein Konto erstellen:\n{link}',
  'mail.published.subject': '{name} ist auf Clusterhub veröffentlicht',
  'mail.published.body': 'Gute Nachricht: Das Profil von {name} wurde geprüft und veröffentlicht.\n\n{link}',
  'mail.returned.subject': '{name}: Änderungen angefordert',
  'mail.returned.body':
    'Die Redaktion hat das Profil von {name} zur Überarbeitung zurückgegeben:\n\n{reason}\n\nBearbeiten Sie das Profil und reichen Sie es erneut ein:\n{link}',
  'mail.stale.subject': 'Ist das Profil von {name} noch aktuell?',
  'mail.stale.body':
    'Das Profil von {name} wurde seit einem Jahr nicht aktualisiert. Bitte prüfen und speichern Sie es, auch ohne Änderungen, damit Partner wissen, dass es aktuell ist:\n{link}',
};
