import { Role } from '../common/auth/role';

export interface NavItem {
  href: string;
  label: string;
}

/** Each role's menu: what that person does in the service. */
export const NAV: Record<Role, NavItem[]> = {
  [Role.Coordinator]: [
    { href: '/', label: 'Översikt' },
    { href: '/terminer', label: 'Terminer' },
    { href: '/handelser', label: 'Händelser' },
    { href: '/forfragningar', label: 'Förfrågningar' },
    { href: '/anvandare', label: 'Användare' },
    { href: '/stadsdelar', label: 'Stadsdelar' },
    { href: '/uppfoljning', label: 'Uppföljning' },
    { href: '/logg', label: 'Logg' },
  ],
  [Role.DistrictContact]: [
    { href: '/', label: 'Översikt' },
    { href: '/handledare', label: 'Handledare' },
    { href: '/platser', label: 'Platser' },
    { href: '/placerade', label: 'Placerade studenter' },
    { href: '/forfragningar', label: 'Förfrågningar' },
  ],
  [Role.UniversityCoordinator]: [
    { href: '/', label: 'Översikt' },
    { href: '/behov', label: 'Behov' },
    { href: '/studenter', label: 'Studenter' },
    { href: '/placeringar', label: 'Placeringar' },
    { href: '/handledarutbildning', label: 'Handledarutbildning' },
    { href: '/forfragningar', label: 'Förfrågningar' },
  ],
};
