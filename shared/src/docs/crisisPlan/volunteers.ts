// The crisis directory: the members who said on « Ma fiche » that they volunteer, by typology. Names and ways to reach
// them only — never a patient.
import type { DirectoryMember } from '../directory/schema';
import type { CrisisTypology } from './typologies';

/** Volunteers for a typology (one who named none volunteers for all), or every volunteer; sorted by name. */
export function crisisVolunteers(members: readonly DirectoryMember[], typology?: CrisisTypology): DirectoryMember[] {
  return members
    .filter((m) => m.crisis?.volunteer)
    .filter((m) => !typology || m.crisis!.typologies.length === 0 || m.crisis!.typologies.includes(typology))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}
