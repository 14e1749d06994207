import { PeopleFile } from '../schema/people';
import { issuesFromZod, KbError } from '../knowledge/errors';

/** Parses the persona pools (names, occupations, speaking styles, history items). */
export function parsePeople(data: unknown, file = 'people/people.json'): PeopleFile {
  const result = PeopleFile.safeParse(data);
  if (!result.success) throw new KbError(issuesFromZod(file, result.error));
  return result.data;
}
