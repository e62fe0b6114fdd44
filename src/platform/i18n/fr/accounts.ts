import type { accounts as en } from '../en/accounts.ts';

/** Sign-up, sign-in, passwords, account and API tokens, e-mails, roles. */
export const accounts: Record<keyof typeof en, string> = {
  'signup.title': 'Créer un compte',
  'signup.submit': 'Créer un compte',
  'signup.have_account': 'Vous avez déjà un compte\u00a0? Connectez-vous',
  'signup.check_email_title': 'Consultez vos e-mails',
  'signup.check_email': 'Nous avons envoyé un lien à {email}. Ouvrez-le pour confirmer votre adresse.',
  'signup.check_email_any':
    'Nous avons envoyé un lien à votre adresse e-mail. Ouvrez-le pour confirmer votre adresse.',
  'signin.title': 'Se connecter',
  'signin.submit': 'Se connecter',
  'signin.forgot': 'Mot de passe oublié\u00a0?',
  'signin.no_account': 'Créer un compte',
  'forgot.title': 'Réinitialiser votre mot de passe',
  'forgot.intro':
    'Saisissez votre adresse e-mail et nous vous enverrons un lien pour choisir un nouveau mot de passe.',
  'forgot.submit': 'Envoyer le lien',
  'reset.title': 'Choisir un nouveau mot de passe',
  'reset.submit': 'Enregistrer le nouveau mot de passe',
  'link.title': 'Ce lien ne peut pas être utilisé',
  'link.used': "Ce lien a déjà été utilisé. Chaque lien ne fonctionne qu'une seule fois.",
  'link.expired': 'Ce lien a expiré.',
  'link.unknown': "Ce lien n'est pas valide. Vérifiez que vous l'avez copié en entier.",
  'link.new_reset': 'Demander un nouveau lien de réinitialisation',
  'link.verify_used':
    'Ce lien de confirmation a déjà été utilisé. Votre adresse est confirmée\u00a0: vous pouvez vous connecter.',
  'link.sign_in': 'Se connecter',
  'link.to_account': 'Aller à votre compte',
  'link.new_verification':
    'Connectez-vous pour recevoir un nouvel e-mail de confirmation depuis votre compte',
  'account.title': 'Votre compte',
  'account.verified': 'confirmée',
  'account.unverified': 'pas encore confirmée',
  'account.role': 'Rôle',
  'account.resend': "Renvoyer l'e-mail de confirmation",
  'account.change_password': 'Modifier le mot de passe',
  'account.set_password': 'Choisir un mot de passe',
  'account.set_password_intro':
    "Votre compte n'a pas encore de mot de passe. Choisissez-en un pour vous connecter désormais avec votre adresse e-mail.",
  'notice.password_set': 'Votre mot de passe est enregistré. Utilisez-le désormais pour vous connecter.',
  'role.user': 'Utilisateur',
  'role.editor': 'Éditeur',
  'role.admin': 'Administrateur',
  'tokens.title': "Jetons d'accès personnels",
  'tokens.intro':
    "Les jetons permettent à des programmes d'utiliser l'API en votre nom\u00a0: envoyez-les sous la forme «\u00a0Authorization: Bearer <token>\u00a0».",
  'tokens.created': "Votre nouveau jeton n'est affiché qu'une seule fois. Copiez-le maintenant\u00a0:",
  'tokens.name': 'Nom du jeton',
  'tokens.created_at': 'Créé le',
  'tokens.last_used': 'Dernière utilisation',
  'tokens.actions': 'Actions',
  'tokens.revoke': 'Révoquer',
  'tokens.create': 'Créer un jeton',
  'mail.verify.subject': 'Confirmez votre adresse e-mail pour Clusterhub',
  'mail.verify.body':
    "Bienvenue sur Clusterhub\u00a0!\n\nVeuillez confirmer votre adresse e-mail en ouvrant ce lien (valable 48 heures)\u00a0:\n{link}\n\nSi vous n'avez pas créé de compte, ignorez ce message.",
  'mail.reset.subject': 'Réinitialisation de votre mot de passe Clusterhub',
  'mail.reset.body':
    "Une demande de réinitialisation du mot de passe de votre compte Clusterhub a été effectuée.\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable 1 heure, une seule fois)\u00a0:\n{link}\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message\u00a0: votre mot de passe reste inchangé.",
  'mail.sign_in.subject': 'Votre lien de connexion à Clusterhub',
  'mail.sign_in.body':
    'Ouvrez ce lien pour vous connecter (valable 24 heures, une seule fois)\u00a0:\n{link}',
  'mail.invite.subject': "Rejoignez l'équipe de {name} sur Clusterhub",
  'mail.invite.body':
    "{inviter} vous invite à rejoindre l'équipe de {name} sur Clusterhub.\n\nOuvrez ce lien pour accepter (valable 14 jours)\u00a0; vous pouvez d'abord vous connecter ou créer un compte\u00a0:\n{link}",
  'mail.published.subject': 'Le profil de {name} est publié sur Clusterhub',
  'mail.published.body': 'Bonne nouvelle\u00a0: le profil de {name} a été validé et publié.\n\n{link}',
  'mail.returned.subject': '{name}\u00a0: modifications demandées',
  'mail.returned.body':
    'Un éditeur a renvoyé le profil de {name} pour modification\u00a0:\n\n{reason}\n\nModifiez le profil et soumettez-le à nouveau\u00a0:\n{link}',
  'mail.stale.subject': 'Le profil de {name} est-il toujours à jour\u00a0?',
  'mail.stale.body':
    "Le profil de {name} n'a pas été mis à jour depuis un an. Veuillez le vérifier et l'enregistrer, même sans modification, afin que vos partenaires sachent qu'il est à jour\u00a0:\n{link}",
};
