/** Area ids by official code, through the areas module's service. */
import type { Executor } from '../../db/client';
import { getAreaByCode } from '../areas/service';

export async function areaIdByCode(db: Executor, code: string, level: 'commune' | 'province'): Promise<number | null> {
  const area = await getAreaByCode(db, code);
  return area && area.level === level ? area.id : null;
}
