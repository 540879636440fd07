/**
 * Staff only: the commune's hamlets whose team is at risk of missing a target this quarter
 * (hamlet code → why), for the map's outlines and the hamlets table's ⚠. The same request as the
 * commune's target panel, so it is asked once; the public never asks (targets are not public).
 */
import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { todayInVietnam } from '../../lib/dates';
import { useMe } from '../access/session';
import { CommuneTeamsQuery } from '../teams/documents';
import { periodLabel, quarterOf } from '../teams/labels';

const STAFF = ['PROVINCE_LEADER', 'PROVINCE_ADMIN', 'COMMUNE_CHAIR', 'COMMUNE_OFFICER'];

export function useAtRiskHamlets(communeCode: string) {
  const { me } = useMe();
  const period = quarterOf(todayInVietnam());
  const staff = !!me && STAFF.includes(me.role);
  const risk = useQuery(CommuneTeamsQuery, { variables: { code: communeCode, period }, skip: !staff });
  const flagged = useMemo(() => {
    const map = new Map<string, string>();
    for (const p of risk.data?.atRisk.teams ?? []) {
      for (const h of p.team.hamlets) map.set(h.code, `${p.team.name} có nguy cơ không đạt chỉ tiêu ${periodLabel(period)}`);
    }
    return map;
  }, [risk.data, period]);
  return { flagged, loaded: !!risk.data, period };
}
